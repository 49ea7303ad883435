import { describe, expect, it } from "vitest";
import type { ImagePoint } from "@/lib/recipe/schema";
import { applyCommands } from "../commands";
import { emptyDocument, type EditorDocument } from "../document";
import { ctxFor, gesture, play, ptr } from "./test-helpers";
import { trajectoryTool } from "./trajectory";

function withTrajectory(points: ImagePoint[]): EditorDocument {
  return applyCommands(emptyDocument(), [{ type: "addRegion" }, { type: "setTrajectory", index: 0, points }]);
}
const path = (doc: EditorDocument) => doc.recipe.regions[0]?.trajectory ?? [];

describe("trajectory tool", () => {
  it("freehand drag with no region creates one and stores a prepared path", () => {
    const drawn = Array.from({ length: 300 }, (_, i) => ({ x: i * 3, y: 100 + Math.sin(i / 10) * 80 }));
    const { effects } = gesture(trajectoryTool, drawn, ctxFor());
    const doc = play(emptyDocument(), effects);
    expect(doc.recipe.regions).toHaveLength(1);
    const stored = path(doc);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(stored.length).toBeLessThanOrEqual(77);
    expect(stored[0]).toEqual(drawn[0]);
    expect(stored.at(-1)).toEqual(drawn.at(-1));
  });

  it("freehand drag replaces an existing trajectory", () => {
    const doc = withTrajectory([{ x: 0, y: 0 }, { x: 10, y: 0 }]);
    const { effects } = gesture(trajectoryTool, [{ x: 100, y: 100 }, { x: 150, y: 120 }, { x: 200, y: 200 }], ctxFor(doc));
    expect(path(play(doc, effects))[0]).toEqual({ x: 100, y: 100 });
  });

  it("clicks on empty canvas append points one by one", () => {
    let doc = applyCommands(emptyDocument(), [{ type: "addRegion" }]);
    for (const p of [{ x: 10, y: 10 }, { x: 200, y: 50 }, { x: 400, y: 300 }]) {
      doc = play(doc, gesture(trajectoryTool, [p], ctxFor(doc)).effects);
    }
    expect(path(doc)).toEqual([{ x: 10, y: 10 }, { x: 200, y: 50 }, { x: 400, y: 300 }]);
  });

  it("a click never grows the path past 77 points", () => {
    const full = Array.from({ length: 77 }, (_, i) => ({ x: i * 10, y: (i % 2) * 40 }));
    const doc = withTrajectory(full);
    const { effects } = gesture(trajectoryTool, [{ x: 2000, y: 2000 }], ctxFor(doc));
    const stored = path(play(doc, effects));
    expect(stored.length).toBeLessThanOrEqual(77);
    expect(stored.at(-1)).toEqual({ x: 2000, y: 2000 });
  });

  it("dragging a handle moves that point inside one gesture", () => {
    const doc = withTrajectory([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
    const ctx = ctxFor(doc);
    const { effects } = gesture(trajectoryTool, [{ x: 102, y: 3 }, { x: 120, y: 30 }, { x: 150, y: 60 }], ctx);
    expect(effects[0]).toEqual({ type: "beginGesture" });
    expect(effects[1]).toEqual({ type: "selectPoint", index: 1 });
    expect(effects.at(-1)).toEqual({ type: "endGesture" });
    expect(path(play(doc, effects))).toEqual([{ x: 0, y: 0 }, { x: 150, y: 60 }]);
  });

  it("hit radius is in screen pixels: zoomed out, a farther press still grabs the handle", () => {
    const doc = withTrajectory([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
    const press = trajectoryTool.down(trajectoryTool.initial, ptr(130, 0), ctxFor(doc, { scale: 0.25 }));
    expect(press.state).toEqual({ phase: "dragging", region: 0, at: 1 });
    const near = trajectoryTool.down(trajectoryTool.initial, ptr(130, 0), ctxFor(doc, { scale: 1 }));
    expect(near.state.phase).toBe("drawing");
  });

  it("pressing on a segment inserts a point there and drags it", () => {
    const doc = withTrajectory([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
    const { effects } = gesture(trajectoryTool, [{ x: 50, y: 2 }, { x: 50, y: 40 }], ctxFor(doc));
    expect(path(play(doc, effects))).toEqual([{ x: 0, y: 0 }, { x: 50, y: 40 }, { x: 100, y: 0 }]);
  });

  it.each([
    { label: "Alt-click", over: { alt: true } },
    { label: "right-click", over: { button: 2 } },
  ])("$label on a handle deletes it", ({ over }) => {
    const doc = withTrajectory([{ x: 0, y: 0 }, { x: 50, y: 50 }, { x: 100, y: 0 }]);
    const { effects } = gesture(trajectoryTool, [{ x: 50, y: 50 }], ctxFor(doc), over);
    expect(path(play(doc, effects))).toEqual([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
  });

  it("Alt-click on empty canvas does nothing", () => {
    const doc = withTrajectory([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
    expect(gesture(trajectoryTool, [{ x: 500, y: 500 }], ctxFor(doc), { alt: true }).effects).toEqual([]);
  });

  it("cancel while dragging a handle cancels the gesture", () => {
    const doc = withTrajectory([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
    const r = trajectoryTool.down(trajectoryTool.initial, ptr(0, 0), ctxFor(doc));
    expect(trajectoryTool.cancel(r.state).effects).toEqual([{ type: "cancelGesture" }]);
  });

  it("previews the path being drawn in the region's colour", () => {
    const ctx = ctxFor();
    let r = trajectoryTool.down(trajectoryTool.initial, ptr(0, 0), ctx);
    r = trajectoryTool.move(r.state, ptr(50, 0), ctx);
    expect(r.preview).toMatchObject({ kind: "path", color: "#f87171" });
    expect(r.preview && "points" in r.preview ? r.preview.points.length : 0).toBe(2);
  });
});
