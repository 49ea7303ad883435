import { describe, expect, it, vi } from "vitest";
import { MAX_DOCUMENT_POINTS } from "@/lib/recipe/schema";
import { emptyDocument } from "../document";
import { EN, ZH } from "@/lib/text/test-translators";
import { createSmartSelectTool, selectRings, type SmartSelectFn } from "./smart-select";
import { ctxFor, gesture, play } from "./test-helpers";
import type { PixelSource } from "./types";

const pixels = (width: number, height: number, scale = 1): PixelSource => ({
  data: { data: new Uint8ClampedArray(width * height * 4), width, height },
  scale,
});
const tri = [{ x: 1, y: 1 }, { x: 5, y: 1 }, { x: 1, y: 5 }];

describe("smart select tool", () => {
  it("seeds the selection in data pixels and scales rings back to image pixels", () => {
    const select = vi.fn<SmartSelectFn>(() => [tri]);
    const ctx = ctxFor(emptyDocument(), { pixels: pixels(100, 50, 4), tolerance: 33, maskLayer: "static" });
    const { effects } = gesture(createSmartSelectTool(select), [{ x: 203, y: 99 }], ctx);
    expect(select).toHaveBeenCalledWith(ctx.pixels?.data, { x: 50, y: 24 }, 33);
    expect(play(emptyDocument(), effects).recipe.staticMask).toEqual({
      strokes: [{ op: "paint", polygon: [{ x: 4, y: 4 }, { x: 20, y: 4 }, { x: 4, y: 20 }] }],
    });
  });

  it("adds every ring as a fill, creating a region when none exists", () => {
    const select: SmartSelectFn = () => [tri, tri.map((p) => ({ x: p.x + 10, y: p.y }))];
    const { effects } = gesture(createSmartSelectTool(select), [{ x: 2, y: 2 }], ctxFor(emptyDocument(), { pixels: pixels(20, 20) }));
    expect(effects).toHaveLength(1);
    const doc = play(emptyDocument(), effects);
    expect(doc.recipe.regions).toHaveLength(1);
    const mask = doc.recipe.regions[0]?.mask;
    expect(mask && "strokes" in mask ? mask.strokes.length : 0).toBe(2);
  });

  it.each([
    { label: "no start frame", px: null, at: { x: 2, y: 2 }, rings: [tri], key: "tools.notices.noFrame", message: /start frame/ },
    { label: "outside the image", px: pixels(20, 20), at: { x: 25, y: 2 }, rings: [tri], key: "tools.notices.outside", message: /inside the image/ },
    { label: "nothing found", px: pixels(20, 20), at: { x: 2, y: 2 }, rings: [], key: "tools.notices.nothingSimilar", message: /tolerance/ },
  ])("explains why nothing happened: $label", ({ px, at, rings, key, message }) => {
    const { effects } = gesture(createSmartSelectTool(() => rings), [at], ctxFor(emptyDocument(), { pixels: px }));
    expect(effects).toHaveLength(1);
    const effect = effects[0];
    expect(effect?.type).toBe("notice");
    const sent = effect && effect.type === "notice" ? effect.message : "";
    expect(sent).toBe(key);
    // The key the editor translates exists and says the reason, in English and in Chinese.
    expect(EN.t(sent)).toMatch(message);
    expect(ZH.has(sent)).toBe(true);
    expect(ZH.t(sent)).not.toMatch(/[a-z]{3}/);
  });

  it("ignores a drag", () => {
    const select = vi.fn<SmartSelectFn>(() => [tri]);
    const { effects } = gesture(createSmartSelectTool(select), [{ x: 2, y: 2 }, { x: 60, y: 60 }], ctxFor(emptyDocument(), { pixels: pixels(100, 100) }));
    expect(effects).toEqual([]);
    expect(select).not.toHaveBeenCalled();
  });

  it("keeps rings within the schema's point limit", () => {
    const n = MAX_DOCUMENT_POINTS * 2;
    const circle = Array.from({ length: n }, (_, i) => ({ x: 500 + 400 * Math.cos((2 * Math.PI * i) / n), y: 500 + 400 * Math.sin((2 * Math.PI * i) / n) }));
    const rings = selectRings(() => [circle], pixels(1000, 1000), { x: 500, y: 500 }, 10);
    expect(rings?.[0]?.length).toBeLessThanOrEqual(MAX_DOCUMENT_POINTS);
    expect(rings?.[0]?.length).toBeGreaterThan(10);
  });
});
