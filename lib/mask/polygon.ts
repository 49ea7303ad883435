/**
 * Polygon helpers for lasso and smart select. Polygons are stored open (no closing duplicate); SVG and
 * Konva close them implicitly.
 */
import type { ImagePoint } from "@/lib/recipe/schema";
import { MAX_DOCUMENT_POINTS } from "@/lib/recipe/schema";
import { simplifyRing } from "@/lib/geometry/simplify";
import { dropConsecutiveDuplicates } from "@/lib/geometry/resample";

/** Shoelace area; positive when the vertices run clockwise on screen (y down). */
export function signedArea(polygon: readonly ImagePoint[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i] as ImagePoint;
    const b = polygon[(i + 1) % polygon.length] as ImagePoint;
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

export function polygonArea(polygon: readonly ImagePoint[]): number {
  return Math.abs(signedArea(polygon));
}

/** Even-odd ray casting. Points exactly on an edge may fall either way. */
export function pointInPolygon(point: ImagePoint, polygon: readonly ImagePoint[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as ImagePoint;
    const b = polygon[j] as ImagePoint;
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

/** Returns the ring with its last point equal to its first (appended if missing). */
export function closePolygon(polygon: readonly ImagePoint[]): ImagePoint[] {
  const first = polygon[0];
  const last = polygon.at(-1);
  if (!first || !last) return [];
  if (first.x === last.x && first.y === last.y) return polygon.slice();
  return [...polygon, { ...first }];
}

/** Drops a closing duplicate, if any. */
export function openPolygon(polygon: readonly ImagePoint[]): ImagePoint[] {
  const first = polygon[0];
  const last = polygon.at(-1);
  if (polygon.length > 1 && first && last && first.x === last.x && first.y === last.y) return polygon.slice(0, -1);
  return polygon.slice();
}

/**
 * Simplifies a ring at `tolerance`, doubling the tolerance until it has at most `maxPoints` vertices,
 * so the result always fits the recipe schema's per-polygon limit.
 */
export function simplifyRingToLimit(ring: readonly ImagePoint[], tolerance: number, maxPoints = MAX_DOCUMENT_POINTS): ImagePoint[] {
  const limit = Math.max(3, maxPoints);
  let current = Math.max(tolerance, 1e-3);
  let simplified = simplifyRing(ring, current);
  // Re-simplify the original each time so the error stays within the final tolerance.
  while (simplified.length > limit) {
    current *= 2;
    simplified = simplifyRing(ring, current);
  }
  return simplified;
}

export type LassoOptions = { minArea?: number; tolerance?: number };

/**
 * A freehand lasso path → an open polygon, or null when it encloses (almost) nothing: fewer than three
 * distinct vertices after simplification, or an area below `minArea` square pixels (a back-and-forth
 * scribble, a straight drag). A figure-eight whose lobes cancel out is rejected too.
 */
export function lassoToPolygon(points: readonly ImagePoint[], options: LassoOptions = {}): ImagePoint[] | null {
  const minArea = options.minArea ?? 16;
  const tolerance = options.tolerance ?? 1;
  const ring = openPolygon(dropConsecutiveDuplicates(points));
  if (ring.length < 3) return null;
  const simplified = simplifyRingToLimit(ring, tolerance);
  if (simplified.length < 3 || polygonArea(simplified) < minArea) return null;
  return simplified.map((point) => ({ x: point.x, y: point.y }));
}
