import { describe, expect, it, vi } from "vitest";
import type { ImagePoint } from "@/lib/recipe/schema";
import { applyCommands } from "../commands";
import { emptyDocument } from "../document";
import { createLassoTool, type PolygonFromLasso } from "./lasso";
import { ctxFor, gesture, play } from "./test-helpers";

const square = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 100 },
  { x: 0, y: 100 },
];
const closeIt: PolygonFromLasso = (points) => (points.length >= 3 ? points.slice() : null);

describe("lasso tool", () => {
  it("fills the drawn outline in the selected region in one command", () => {
    const doc = applyCommands(emptyDocument(), [{ type: "addRegion" }]);
    const { effects } = gesture(createLassoTool(closeIt), square, ctxFor(doc));
    expect(effects).toEqual([
      { type: "command", commands: [{ type: "appendMaskShape", target: 0, shape: { op: "paint", polygon: square } }] },
    ]);
  });

  it("creates Region 1 when painting the region layer with no region", () => {
    const { effects } = gesture(createLassoTool(closeIt), square, ctxFor());
    const doc = play(emptyDocument(), effects);
    expect(doc.recipe.regions[0]?.mask).toEqual({ strokes: [{ op: "paint", polygon: square }] });
  });

  it("fills the static mask when the static layer is active; Alt cuts out", () => {
    const { effects } = gesture(createLassoTool(closeIt), square, ctxFor(emptyDocument(), { maskLayer: "static" }), { alt: true });
    expect(play(emptyDocument(), effects).recipe.staticMask).toEqual({ strokes: [{ op: "erase", polygon: square }] });
  });

  it("does nothing for an outline that encloses nothing", () => {
    const { effects } = gesture(createLassoTool(closeIt), [{ x: 0, y: 0 }, { x: 50, y: 0 }], ctxFor());
    expect(effects).toEqual([]);
  });

  it("passes a tolerance of half a screen pixel in image pixels", () => {
    const spy = vi.fn<PolygonFromLasso>((pts: readonly ImagePoint[]) => pts.slice());
    gesture(createLassoTool(spy), square, ctxFor(emptyDocument(), { scale: 0.25 }));
    expect(spy).toHaveBeenCalledWith(square, 2);
  });

  it("previews the outline while drawing", () => {
    const tool = createLassoTool(closeIt);
    const ctx = ctxFor();
    const r = tool.move(tool.down(tool.initial, { point: { x: 1, y: 1 }, screen: { x: 1, y: 1 }, button: 0, alt: false, shift: false }, ctx).state, { point: { x: 40, y: 1 }, screen: { x: 40, y: 1 }, button: 0, alt: false, shift: false }, ctx);
    expect(r.preview).toEqual({ kind: "lasso", points: [{ x: 1, y: 1 }, { x: 40, y: 1 }], erase: false });
  });
});
