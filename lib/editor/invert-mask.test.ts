import { describe, expect, it } from "vitest";
import { pointInPolygon } from "@/lib/mask/polygon";
import { isFill, type ImagePoint, type MaskShape, type Recipe } from "@/lib/recipe/schema";
import { emptyRecipe, emptyRegion } from "./document";
import { invertedStaticMask } from "./invert-mask";

const FRAME = { width: 200, height: 100 };

/** Whether `p` is painted by a shape sequence: the last shape covering it decides (paint or erase). */
function covers(shapes: readonly MaskShape[], p: ImagePoint): boolean {
  let inside = false;
  for (const shape of shapes) {
    const hit = isFill(shape) ? pointInPolygon(p, shape.polygon) : nearPolyline(p, shape.points, shape.size / 2);
    if (hit) inside = shape.op === "paint";
  }
  return inside;
}

function nearPolyline(p: ImagePoint, points: readonly ImagePoint[], radius: number): boolean {
  if (points.length === 1) return Math.hypot(p.x - points[0]!.x, p.y - points[0]!.y) <= radius;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    if (Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)) <= radius) return true;
  }
  return false;
}

const square = (x: number, y: number, s: number, op: "paint" | "erase" = "paint"): MaskShape => ({
  op,
  polygon: [{ x, y }, { x: x + s, y }, { x: x + s, y: y + s }, { x, y: y + s }],
});

function recipeWith(...masks: MaskShape[][]): Recipe {
  return { ...emptyRecipe(), regions: masks.map((strokes) => ({ ...emptyRegion(), mask: { strokes } })) };
}

/** Checks the inverted mask pixel centre by pixel centre: static exactly where no region is. */
function expectExactInverse(recipe: Recipe) {
  const result = invertedStaticMask(recipe, FRAME);
  if (!("mask" in result)) throw new Error(`refused: ${result.refused}`);
  const regions = recipe.regions.map((r) => ("strokes" in r.mask ? r.mask.strokes : []));
  let checked = 0;
  const wrong: string[] = [];
  for (let y = 0.5; y < FRAME.height; y += 3) {
    for (let x = 0.5; x < FRAME.width; x += 3) {
      const p = { x, y };
      const moving = regions.some((shapes) => covers(shapes, p));
      if (covers(result.mask.strokes, p) === moving) wrong.push(`(${x}, ${y})`);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(2000);
  expect(wrong).toEqual([]);
}

describe("make everything else static", () => {
  it("is the whole frame minus painted regions (strokes and fills, overlapping)", () => {
    expectExactInverse(
      recipeWith(
        [square(10, 10, 40), { op: "paint", size: 12, points: [{ x: 60, y: 20 }, { x: 120, y: 70 }] }],
        [square(30, 30, 50)],
      ),
    );
  });

  it("gives back what a region erased (the erased hole becomes static)", () => {
    expectExactInverse(recipeWith([square(10, 10, 60), square(25, 25, 20, "erase")], [square(100, 20, 40)]));
  });

  it("stays exact when a region with erasures overlaps a region listed before it", () => {
    expectExactInverse(recipeWith([square(20, 20, 50)], [square(40, 10, 60), square(40, 30, 20, "erase")]));
  });

  it("refuses without a frame, without painted regions, or with an uploaded mask", () => {
    expect(invertedStaticMask(recipeWith([square(0, 0, 10)]), null)).toEqual({ refused: "no-frame" });
    expect(invertedStaticMask(recipeWith([]), FRAME)).toEqual({ refused: "no-regions" });
    expect(invertedStaticMask(recipeWith([], []), FRAME)).toEqual({ refused: "no-regions" });
    const uploaded: Recipe = { ...emptyRecipe(), regions: [{ ...emptyRegion(), mask: { asset: "asset_12345678" } }] };
    expect(invertedStaticMask(uploaded, FRAME)).toEqual({ refused: "uploaded-mask" });
  });
});
