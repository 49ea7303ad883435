/**
 * Painted extent of a vector mask, including the brush radius. Erase shapes are ignored: they can only
 * shrink the painted area, so the result is a (tight for paint-only masks) upper bound. The editor uses
 * it to flag regions without paint; `clipTo` intersects with the image so paint outside counts as none.
 */
import type { Rect, Size } from "@/lib/geometry/types";
import type { VectorMask } from "@/lib/recipe/schema";
import { isFill } from "@/lib/recipe/schema";

export function maskBounds(mask: VectorMask, clipTo?: Size): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const shape of mask.strokes) {
    if (shape.op !== "paint") continue;
    const points = isFill(shape) ? shape.polygon : shape.points;
    const radius = isFill(shape) ? 0 : shape.size / 2;
    for (const point of points) {
      minX = Math.min(minX, point.x - radius);
      minY = Math.min(minY, point.y - radius);
      maxX = Math.max(maxX, point.x + radius);
      maxY = Math.max(maxY, point.y + radius);
    }
  }
  if (clipTo) {
    minX = Math.max(minX, 0);
    minY = Math.max(minY, 0);
    maxX = Math.min(maxX, clipTo.width);
    maxY = Math.min(maxY, clipTo.height);
  }
  if (!(maxX > minX) || !(maxY > minY)) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
