import { describe, expect, it } from "vitest";
import type { Stroke } from "@/lib/recipe/schema";
import { emptyDocument, REGION_COLORS, toRecipe, type FrameRef } from "./document";
import { createEditorStore, defaultBrushSize } from "./store";

const frame: FrameRef = { assetId: "asset_start_1", width: 800, height: 600, url: "/api/assets/asset_start_1" };
const stroke = (x: number): Stroke => ({ op: "paint", size: 10, points: [{ x, y: x }] });

function setup() {
  let clock = 0;
  const store = createEditorStore({ now: () => clock });
  return { store, s: () => store.getState(), tick: (ms: number) => (clock += ms) };
}

describe("editor store: commands", () => {
  it("setFrame fills frames and the recipe's frame id", () => {
    const { s } = setup();
    s().setFrame("start", frame);
    expect(s().doc.frames.start).toEqual(frame);
    expect(toRecipe(s().doc).startFrame).toBe("asset_start_1");
    s().setFrame("start", null);
    expect(toRecipe(s().doc).startFrame).toBeNull();
  });

  it("addRegion appends a region with its own colour and selects it, up to 6", () => {
    const { s } = setup();
    for (let i = 0; i < 8; i++) s().addRegion();
    expect(s().doc.recipe.regions).toHaveLength(6);
    expect(s().doc.regions.map((r) => r.color)).toEqual([...REGION_COLORS]);
    expect(new Set(s().doc.regions.map((r) => r.id)).size).toBe(6);
    expect(s().selectedRegion).toBe(5);
  });

  it("deleteRegion keeps metas parallel and the selection on a live region", () => {
    const { s } = setup();
    s().addRegion();
    s().addRegion();
    s().addRegion();
    const ids = s().doc.regions.map((r) => r.id);
    s().selectRegion(2);
    s().deleteRegion(0);
    expect(s().doc.regions.map((r) => r.id)).toEqual([ids[1], ids[2]]);
    expect(s().selectedRegion).toBe(1);
    s().deleteRegion(1);
    expect(s().selectedRegion).toBe(0);
    s().deleteRegion(0);
    expect(s().selectedRegion).toBeNull();
  });

  it("a deleted region's colour is reused by the next new region", () => {
    const { s } = setup();
    s().addRegion();
    s().addRegion();
    s().deleteRegion(0);
    s().addRegion();
    expect(s().doc.regions.map((r) => r.color)).toEqual([REGION_COLORS[1], REGION_COLORS[0]]);
  });

  it("appendMaskShape targets the static mask or a region", () => {
    const { s } = setup();
    s().addRegion();
    s().appendMaskShape("static", stroke(1));
    s().appendMaskShape(0, stroke(2));
    s().appendMaskShape(0, stroke(3));
    expect(s().doc.recipe.staticMask).toEqual({ strokes: [stroke(1)] });
    expect(s().doc.recipe.regions[0]?.mask).toEqual({ strokes: [stroke(2), stroke(3)] });
  });

  it("clearRegion empties mask and trajectory; toggles flip visibility", () => {
    const { s } = setup();
    s().addRegion();
    s().appendMaskShape(0, stroke(2));
    s().setTrajectory(0, [{ x: 0, y: 0 }, { x: 5, y: 5 }]);
    s().clearRegion(0);
    expect(s().doc.recipe.regions[0]).toMatchObject({ mask: { strokes: [] }, trajectory: [] });
    s().toggleRegionVisible(0);
    s().toggleStaticVisible();
    expect(s().doc.regions[0]?.visible).toBe(false);
    expect(s().doc.staticVisible).toBe(false);
  });

  it("trajectory point edits: insert selects the new point, delete shifts the selection", () => {
    const { s } = setup();
    s().addRegion();
    s().setTrajectory(0, [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 20, y: 0 }]);
    s().insertTrajectoryPoint(0, 1, { x: 5, y: 5 });
    expect(s().selectedPoint).toBe(1);
    expect(s().doc.recipe.regions[0]?.trajectory[1]).toEqual({ x: 5, y: 5 });
    s().moveTrajectoryPoint(0, 1, { x: 6, y: 6 });
    s().selectPoint(3);
    s().deleteTrajectoryPoint(0, 0);
    expect(s().selectedPoint).toBe(2);
    s().deleteSelectedPoint();
    expect(s().doc.recipe.regions[0]?.trajectory).toEqual([{ x: 6, y: 6 }, { x: 10, y: 0 }]);
    expect(s().selectedPoint).toBeNull();
  });

  it("patchRecipe dropping the tail frame also drops the frame ref", () => {
    const { s } = setup();
    s().setFrame("tail", { ...frame, assetId: "asset_tail_01" });
    s().patchRecipe({ tailFrame: null });
    expect(s().doc.frames.tail).toBeNull();
  });

  it("patchRecipe that drops regions keeps region metas parallel", () => {
    const { s } = setup();
    s().addRegion();
    s().addRegion();
    s().patchRecipe({ regions: [], staticMask: null });
    expect(s().doc.regions).toEqual([]);
    expect(s().selectedRegion).toBeNull();
  });
});

describe("editor store: undo", () => {
  it("undo and redo restore documents and keep the selection valid", () => {
    const { s } = setup();
    s().addRegion();
    s().addRegion();
    expect(s().selectedRegion).toBe(1);
    s().undo();
    expect(s().doc.recipe.regions).toHaveLength(1);
    expect(s().selectedRegion).toBe(0);
    s().redo();
    expect(s().doc.recipe.regions).toHaveLength(2);
  });

  it("a gesture of many moves is one undo step", () => {
    const { s } = setup();
    s().addRegion();
    s().setTrajectory(0, [{ x: 0, y: 0 }, { x: 10, y: 0 }]);
    s().beginGesture();
    for (let i = 1; i <= 30; i++) s().moveTrajectoryPoint(0, 1, { x: 10 + i, y: i });
    s().endGesture();
    expect(s().doc.recipe.regions[0]?.trajectory[1]).toEqual({ x: 40, y: 30 });
    s().undo();
    expect(s().doc.recipe.regions[0]?.trajectory[1]).toEqual({ x: 10, y: 0 });
  });

  it("typing in one field coalesces; a pause or another field starts a new step", () => {
    const { s, tick } = setup();
    for (const text of ["a", "a k", "a ki", "a kite"]) {
      s().patchRecipe({ prompt: text }, { coalesceKey: "prompt" });
      tick(200);
    }
    tick(3000);
    s().patchRecipe({ prompt: "a kite rises" }, { coalesceKey: "prompt" });
    s().patchRecipe({ negativePrompt: "blur" }, { coalesceKey: "negativePrompt" });
    s().undo();
    expect(s().doc.recipe).toMatchObject({ prompt: "a kite rises", negativePrompt: "" });
    s().undo();
    expect(s().doc.recipe.prompt).toBe("a kite");
    s().undo();
    expect(s().doc.recipe.prompt).toBe("");
  });

  it("UI state (tool, brush, viewport) is not part of undo", () => {
    const { s } = setup();
    s().addRegion();
    s().setTool("lasso");
    s().setBrushSize(77);
    s().undo();
    expect(s().tool).toBe("lasso");
    expect(s().brushSize).toBe(77);
  });

  it("replaceDocument is undoable unless it resets history", () => {
    const { s } = setup();
    s().patchRecipe({ prompt: "first" });
    const other = { ...emptyDocument(), recipe: { ...emptyDocument().recipe, prompt: "other" } };
    s().replaceDocument(other);
    expect(s().doc.recipe.prompt).toBe("other");
    s().undo();
    expect(s().doc.recipe.prompt).toBe("first");
    s().replaceDocument(other, { resetHistory: true });
    s().undo();
    expect(s().doc.recipe.prompt).toBe("other");
  });
});

describe("editor store: tool state", () => {
  it.each([
    { size: 40, dir: 1 as const, expected: 48 },
    { size: 40, dir: -1 as const, expected: 32 },
    { size: 2, dir: -1 as const, expected: 1 },
    { size: 1, dir: -1 as const, expected: 1 },
    { size: 1024, dir: 1 as const, expected: 1024 },
  ])("stepBrushSize($size, $dir) → $expected", ({ size, dir, expected }) => {
    const { s } = setup();
    s().setBrushSize(size);
    s().stepBrushSize(dir);
    expect(s().brushSize).toBe(expected);
  });

  it("choosing the static brush targets the static mask; the dynamic brush the region", () => {
    const { s } = setup();
    s().setTool("static-brush");
    expect(s().maskLayer).toBe("static");
    s().setTool("eraser");
    expect(s().maskLayer).toBe("static");
    s().setTool("dynamic-brush");
    expect(s().maskLayer).toBe("region");
  });

  it.each([
    [{ width: 1280, height: 720 }, 29],
    [{ width: 4096, height: 4096 }, 164],
    [{ width: 300, height: 40 }, 4],
  ])("defaultBrushSize(%o) = %i", (size, expected) => {
    expect(defaultBrushSize(size)).toBe(expected);
  });

  it("tolerance is clamped to 0–100", () => {
    const { s } = setup();
    s().setTolerance(500);
    expect(s().tolerance).toBe(100);
    s().setTolerance(-3);
    expect(s().tolerance).toBe(0);
  });
});

describe("documentFromRecipe", () => {
  it("rebuilds parallel region metas and takes frame ids from the frames", async () => {
    const { documentFromRecipe, editorDocumentSchema } = await import("./document");
    const { recipeSchema } = await import("@/lib/recipe/schema");
    const recipe = recipeSchema.parse({
      version: 1,
      startFrame: "asset_start_1",
      regions: [
        { mask: { strokes: [] }, trajectory: [] },
        { mask: { strokes: [] }, trajectory: [] },
      ],
    });
    const doc = documentFromRecipe(recipe, { start: frame, tail: null });
    expect(editorDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.regions.map((r) => r.color)).toEqual(REGION_COLORS.slice(0, 2));
    expect(doc.recipe.startFrame).toBe(frame.assetId);
  });
});

describe("region easing", () => {
  it("sets a region's easing as one undoable step and ignores a no-op", () => {
    const store = createEditorStore();
    store.getState().addRegion();
    store.getState().setRegionEasing(0, "ease-in");
    expect(store.getState().doc.recipe.regions[0]?.easing).toBe("ease-in");
    const before = store.getState().doc;
    store.getState().setRegionEasing(0, "ease-in");
    expect(store.getState().doc).toBe(before);
    store.getState().undo();
    expect(store.getState().doc.recipe.regions[0]?.easing).toBe("linear");
  });
});
