import { describe, expect, it } from "vitest";
import { applyCommands } from "./commands";
import { emptyDocument, REGION_COLORS, STATIC_MASK_COLOR } from "./document";
import { createEditorStore } from "./store";
import { brushFor, paintTarget, targetColor, targetForKey, targetKey, targetOptions } from "./target";
import { TOOL_IDS } from "./tools/types";

const withRegions = (n: number) => applyCommands(emptyDocument(), Array.from({ length: n }, () => ({ type: "addRegion" as const })));

describe("paint target rules", () => {
  it("keys: 0 is the static mask, 1–n the regions, n+1 a new region, anything further nothing", () => {
    const doc = withRegions(2);
    expect(targetForKey(doc, 0)).toEqual({ kind: "static" });
    expect(targetForKey(doc, 1)).toEqual({ kind: "region", index: 0 });
    expect(targetForKey(doc, 2)).toEqual({ kind: "region", index: 1 });
    expect(targetForKey(doc, 3)).toEqual({ kind: "new" });
    expect(targetForKey(doc, 4)).toBeNull();
    expect(targetForKey(doc, 7)).toBeNull();
    expect(targetForKey(withRegions(6), 6)).toEqual({ kind: "region", index: 5 });
  });

  it("every option's key picks that option back", () => {
    for (const n of [0, 3, 6]) {
      const doc = withRegions(n);
      for (const option of targetOptions(doc, "lasso")) expect(targetForKey(doc, targetKey(doc, option))).toEqual(option);
    }
  });

  it("the eraser is not offered a new region; the other painting tools are, until six exist", () => {
    expect(targetOptions(withRegions(1), "eraser").map((o) => o.kind)).toEqual(["static", "region"]);
    expect(targetOptions(withRegions(1), "smart-select").map((o) => o.kind)).toEqual(["static", "region", "new"]);
    expect(targetOptions(withRegions(6), "dynamic-brush").some((o) => o.kind === "new")).toBe(false);
  });

  it("colours: slate for static, the region's own, the next free colour for a new region", () => {
    const doc = withRegions(2);
    expect(targetColor(doc, { kind: "static" })).toBe(STATIC_MASK_COLOR);
    expect(targetColor(doc, { kind: "region", index: 1 })).toBe(REGION_COLORS[1]);
    expect(targetColor(doc, { kind: "new" })).toBe(REGION_COLORS[2]);
  });

  it("nothing selected means a new region, or the last region when all six exist", () => {
    expect(paintTarget({ doc: withRegions(2), maskLayer: "region", selectedRegion: null })).toEqual({ kind: "new" });
    expect(paintTarget({ doc: withRegions(6), maskLayer: "region", selectedRegion: null })).toEqual({ kind: "region", index: 5 });
    expect(paintTarget({ doc: withRegions(2), maskLayer: "static", selectedRegion: 1 })).toEqual({ kind: "static" });
  });

  it("only the two brush buttons follow the target; every other tool stays itself", () => {
    expect(brushFor("static-brush", { kind: "region", index: 0 })).toBe("dynamic-brush");
    expect(brushFor("dynamic-brush", { kind: "static" })).toBe("static-brush");
    for (const tool of TOOL_IDS.filter((t) => t !== "static-brush" && t !== "dynamic-brush")) {
      expect(brushFor(tool, { kind: "static" })).toBe(tool);
      expect(brushFor(tool, { kind: "new" })).toBe(tool);
    }
  });
});

describe("paint target in the store", () => {
  it("switching between the non-brush tools never changes the target", () => {
    const store = createEditorStore({ initial: withRegions(3) });
    const s = () => store.getState();
    s().setTarget({ kind: "region", index: 2 });
    for (const tool of ["eraser", "lasso", "smart-select", "trajectory", "hand", "lasso"] as const) {
      s().setTool(tool);
      expect(paintTarget(s())).toEqual({ kind: "region", index: 2 });
    }
    s().setTarget({ kind: "static" });
    for (const tool of ["smart-select", "eraser", "lasso"] as const) {
      s().setTool(tool);
      expect(paintTarget(s())).toEqual({ kind: "static" });
    }
  });

  it("after the static brush, smart select still paints where the picker says (the static mask), until a region is picked", () => {
    const store = createEditorStore({ initial: withRegions(1) });
    const s = () => store.getState();
    s().setTool("static-brush");
    s().setTool("smart-select");
    expect(paintTarget(s())).toEqual({ kind: "static" });
    s().setTarget({ kind: "region", index: 0 });
    expect(s().tool).toBe("smart-select");
    expect(paintTarget(s())).toEqual({ kind: "region", index: 0 });
  });

  it("picking a region with the static brush active turns it into the dynamic brush, and back", () => {
    const store = createEditorStore({ initial: withRegions(2) });
    const s = () => store.getState();
    s().setTool("static-brush");
    s().selectRegion(1);
    expect(s().tool).toBe("dynamic-brush");
    expect(paintTarget(s())).toEqual({ kind: "region", index: 1 });
    s().selectStatic();
    expect(s().tool).toBe("static-brush");
  });

  it("a target that does not exist is refused", () => {
    const store = createEditorStore({ initial: withRegions(1) });
    store.getState().setTarget({ kind: "region", index: 3 });
    expect(paintTarget(store.getState())).toEqual({ kind: "region", index: 0 });
  });
});
