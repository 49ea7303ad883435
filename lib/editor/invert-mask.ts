import { MAX_MASK_SHAPES, type MaskShape, type Recipe, type VectorMask } from "@/lib/recipe/schema";
import type { Size } from "@/lib/geometry/types";
import { maskShapes } from "./document";

/**
 * "Make everything else static": the static mask becomes the whole frame minus every region's mask.
 * Built from vector shapes, so it stays editable and undoable: a frame-sized fill, then each region's
 * shapes with paint and erase swapped (erasing the region's paint, giving back what the region itself
 * erased). That is exact for a region with no erase shapes, and for the first region processed; a
 * region's own erasures may give back a sliver of another region it overlaps, so regions with erase
 * shapes go first, where nothing has been taken away yet.
 */

export type InvertRefusal = "no-frame" | "no-regions" | "uploaded-mask" | "too-many-shapes";

const flip = (shape: MaskShape): MaskShape => ({ ...shape, op: shape.op === "paint" ? "erase" : "paint" });

export function invertedStaticMask(recipe: Recipe, frame: Size | null): { mask: VectorMask } | { refused: InvertRefusal } {
  if (!frame) return { refused: "no-frame" };
  const regions = recipe.regions.filter((r) => maskShapes(r.mask).length > 0 || "asset" in r.mask);
  if (regions.length === 0) return { refused: "no-regions" };
  if (regions.some((r) => "asset" in r.mask)) return { refused: "uploaded-mask" };
  const erases = (shapes: MaskShape[]) => shapes.filter((s) => s.op === "erase").length;
  const ordered = regions.map((r) => maskShapes(r.mask)).sort((a, b) => erases(b) - erases(a));
  const { width, height } = frame;
  const whole: MaskShape = { op: "paint", polygon: [{ x: 0, y: 0 }, { x: width, y: 0 }, { x: width, y: height }, { x: 0, y: height }] };
  const strokes = [whole, ...ordered.flatMap((shapes) => shapes.map(flip))];
  if (strokes.length > MAX_MASK_SHAPES) return { refused: "too-many-shapes" };
  return { mask: { strokes } };
}
