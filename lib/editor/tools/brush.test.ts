import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_POINTS } from "@/lib/recipe/schema";
import { applyCommands } from "../commands";
import { emptyDocument } from "../document";
import { dynamicBrushTool, eraserTool, staticBrushTool } from "./brush";
import { ctxFor, gesture, play, ptr } from "./test-helpers";

const line = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 20, y: 5 },
  { x: 30, y: 0 },
];

describe("brush tools", () => {
  it("shows the stroke as a preview while drawing and changes nothing until release", () => {
    const ctx = ctxFor();
    let r = staticBrushTool.down(staticBrushTool.initial, ptr(0, 0), ctx);
    r = staticBrushTool.move(r.state, ptr(10, 0), ctx);
    expect(r.effects).toEqual([]);
    expect(r.preview).toMatchObject({ kind: "stroke", points: [{ x: 0, y: 0 }, { x: 10, y: 0 }], size: 20, erase: false });
  });

  it("static brush adds one paint stroke to the static mask in one command", () => {
    const { effects, state } = gesture(staticBrushTool, line, ctxFor());
    expect(state).toEqual({ phase: "idle" });
    expect(effects).toHaveLength(1);
    const doc = play(emptyDocument(), effects);
    expect(doc.recipe.staticMask).toEqual({ strokes: [{ op: "paint", size: 20, points: line }] });
  });

  it("dynamic brush with no region creates Region 1 in the same step", () => {
    const { effects } = gesture(dynamicBrushTool, line, ctxFor());
    expect(effects).toHaveLength(1);
    const doc = play(emptyDocument(), effects);
    expect(doc.recipe.regions).toHaveLength(1);
    expect(doc.recipe.regions[0]?.mask).toMatchObject({ strokes: [{ op: "paint" }] });
  });

  it("dynamic brush paints the selected region", () => {
    const doc = applyCommands(emptyDocument(), [{ type: "addRegion" }, { type: "addRegion" }]);
    const { effects } = gesture(dynamicBrushTool, line, ctxFor(doc, { selectedRegion: 1 }));
    const next = play(doc, effects);
    expect(next.recipe.regions[0]?.mask).toEqual({ strokes: [] });
    expect(next.recipe.regions[1]?.mask).toMatchObject({ strokes: [{ op: "paint" }] });
  });

  it("Alt turns a brush into an eraser on the same layer", () => {
    const { effects } = gesture(staticBrushTool, line, ctxFor(), { alt: true });
    expect(play(emptyDocument(), effects).recipe.staticMask).toMatchObject({ strokes: [{ op: "erase" }] });
  });

  it.each([
    { label: "static layer", layer: "static" as const, regions: 1, selected: 0, where: "static" },
    { label: "region layer with a selection", layer: "region" as const, regions: 2, selected: 1, where: 1 },
  ])("eraser erases in the current layer: $label", ({ layer, regions, selected, where }) => {
    const doc = applyCommands(emptyDocument(), Array.from({ length: regions }, () => ({ type: "addRegion" as const })));
    const { effects } = gesture(eraserTool, line, ctxFor(doc, { maskLayer: layer, selectedRegion: selected }));
    expect(effects).toEqual([
      { type: "command", commands: [{ type: "appendMaskShape", target: where, shape: { op: "erase", size: 20, points: line } }] },
    ]);
  });

  it("the eraser on a region that does not exist yet says so and erases nothing (never the static mask)", () => {
    const { effects } = gesture(eraserTool, line, ctxFor(emptyDocument(), { maskLayer: "region", selectedRegion: null }));
    expect(effects).toEqual([{ type: "notice", message: "tools.notices.nothingToErase" }]);
  });

  it("drops pointer moves closer than a screen pixel and simplifies straight runs", () => {
    const jitter = [{ x: 0, y: 0 }, { x: 0.1, y: 0 }, { x: 5, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 0.2 }];
    const { effects } = gesture(staticBrushTool, jitter, ctxFor());
    const stroke = play(emptyDocument(), effects).recipe.staticMask;
    expect(stroke).toEqual({ strokes: [{ op: "paint", size: 20, points: [{ x: 0, y: 0 }, { x: 10, y: 0 }] }] });
  });

  it("splits a stroke longer than the schema allows into joined pieces", () => {
    const zigzag = Array.from({ length: MAX_DOCUMENT_POINTS + 500 }, (_, i) => ({ x: i * 2, y: i % 2 === 0 ? 0 : 10 }));
    const { effects } = gesture(staticBrushTool, zigzag, ctxFor());
    const mask = play(emptyDocument(), effects).recipe.staticMask;
    const strokes = mask && "strokes" in mask ? mask.strokes : [];
    expect(strokes.length).toBe(2);
    const [a, b] = strokes.map((s) => ("points" in s ? s.points : []));
    expect(a?.length).toBeLessThanOrEqual(MAX_DOCUMENT_POINTS);
    expect(a?.at(-1)).toEqual(b?.[0]);
  });

  it("cancel abandons the stroke", () => {
    const r = staticBrushTool.down(staticBrushTool.initial, ptr(0, 0), ctxFor());
    expect(staticBrushTool.cancel(r.state)).toEqual({ state: { phase: "idle" }, effects: [], preview: null });
  });
});
