import { describe, expect, it } from "vitest";
import { createEditorStore } from "./store";
import { paintTarget } from "./target";

const square = { op: "paint" as const, polygon: [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }] };

function setup(regions: number) {
  const store = createEditorStore();
  const s = () => store.getState();
  for (let i = 0; i < regions; i++) s().addRegion();
  return s;
}

describe("region commands", () => {
  it("reorder moves the region with its colour and id, the selection follows it, and undo restores the order", () => {
    const s = setup(3);
    const before = s().doc.regions.map((m) => m.id);
    s().selectRegion(0);
    s().moveRegion(0, 2);
    expect(s().doc.regions.map((m) => m.id)).toEqual([before[1], before[2], before[0]]);
    expect(paintTarget(s())).toEqual({ kind: "region", index: 2 });
    s().undo();
    expect(s().doc.regions.map((m) => m.id)).toEqual(before);
    s().moveRegion(0, 7);
    expect(s().doc.regions.map((m) => m.id)).toEqual(before);
  });

  it("rename keeps what is typed (up to 40 characters), one undo step for the typing", () => {
    const s = setup(1);
    s().renameRegion(0, "B");
    s().renameRegion(0, "Ba");
    s().renameRegion(0, "Ball ");
    expect(s().doc.recipe.regions[0]?.name).toBe("Ball ");
    s().renameRegion(0, "x".repeat(60));
    expect(s().doc.recipe.regions[0]?.name).toHaveLength(40);
    s().undo();
    expect(s().doc.recipe.regions[0]?.name).toBe("");
  });

  it("curve toggles per region", () => {
    const s = setup(2);
    expect(s().doc.recipe.regions.map((r) => r.curve)).toEqual(["smooth", "smooth"]);
    s().setRegionCurve(1, "straight");
    expect(s().doc.recipe.regions.map((r) => r.curve)).toEqual(["smooth", "straight"]);
  });

  it("setting the static mask (invert) is one undoable step", () => {
    const s = setup(1);
    s().setStaticMask({ strokes: [square] });
    expect(s().doc.recipe.staticMask).toEqual({ strokes: [square] });
    s().undo();
    expect(s().doc.recipe.staticMask).toBeNull();
  });
});
