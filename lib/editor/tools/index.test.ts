import { describe, expect, it } from "vitest";
import { emptyDocument } from "../document";
import { createToolSession } from "./index";
import { ctxFor, play, ptr } from "./test-helpers";
import type { PixelSource, ToolContext, ToolEffect } from "./types";

/** The registry wired to the real mask library (lassoToPolygon, smartSelect). */

function run(id: Parameters<typeof createToolSession>[0], points: [number, number][], ctx: ToolContext): ToolEffect[] {
  const session = createToolSession(id);
  const [first, ...rest] = points;
  const effects = [...session.down(ptr(...first!), ctx).effects];
  for (const p of rest) effects.push(...session.move(ptr(...p), ctx).effects);
  const last = points.at(-1)!;
  effects.push(...session.up(ptr(...last), ctx).effects);
  return effects;
}

/** A 40×20 image: left half red, right half blue. */
function twoColours(): PixelSource {
  const width = 40;
  const height = 20;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data.set(x < 20 ? [220, 20, 20, 255] : [20, 20, 220, 255], i);
    }
  return { data: { data, width, height }, scale: 2 };
}

describe("tool registry wiring", () => {
  it("lasso turns a drawn square into one filled polygon in a new region", () => {
    const effects = run("lasso", [[10, 10], [110, 10], [110, 110], [10, 110], [10, 12]], ctxFor());
    const doc = play(emptyDocument(), effects);
    const mask = doc.recipe.regions[0]?.mask;
    const shape = mask && "strokes" in mask ? mask.strokes[0] : undefined;
    expect(shape && "polygon" in shape ? shape.polygon.length : 0).toBeGreaterThanOrEqual(4);
  });

  it("lasso ignores a straight drag that encloses nothing", () => {
    expect(run("lasso", [[10, 10], [200, 10]], ctxFor())).toEqual([]);
  });

  it("smart select fills the clicked colour only, in image pixels", () => {
    const effects = run("smart-select", [[10, 10]], ctxFor(emptyDocument(), { pixels: twoColours(), tolerance: 10, maskLayer: "static" }));
    const mask = play(emptyDocument(), effects).recipe.staticMask;
    const shape = mask && "strokes" in mask ? mask.strokes[0] : undefined;
    const polygon = shape && "polygon" in shape ? shape.polygon : [];
    const xs = polygon.map((p) => p.x);
    const ys = polygon.map((p) => p.y);
    // The red half is 20×20 data pixels = 40×40 image pixels at scale 2.
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([0, 40, 0, 40]);
  });
});
