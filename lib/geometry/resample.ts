/** Arc-length measurement and resampling of polylines. */
import type { ImagePoint } from "./types";

/** Drops each point equal to the one before it. */
export function dropConsecutiveDuplicates(points: readonly ImagePoint[]): ImagePoint[] {
  return points.filter((point, i) => {
    const previous = points[i - 1];
    return !previous || previous.x !== point.x || previous.y !== point.y;
  });
}

/** Cumulative arc length at each vertex (first entry 0). */
export function cumulativeLengths(points: readonly ImagePoint[]): Float64Array {
  const lengths = new Float64Array(points.length);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as ImagePoint;
    const b = points[i] as ImagePoint;
    lengths[i] = (lengths[i - 1] as number) + Math.hypot(b.x - a.x, b.y - a.y);
  }
  return lengths;
}

export function pathLength(points: readonly ImagePoint[]): number {
  if (points.length < 2) return 0;
  return cumulativeLengths(points)[points.length - 1] as number;
}

function pointAtWithLengths(points: readonly ImagePoint[], lengths: Float64Array, distance: number): ImagePoint {
  const last = points.length - 1;
  const total = lengths[last] as number;
  if (distance <= 0 || total === 0) return { ...(points[0] as ImagePoint) };
  if (distance >= total) return { ...(points[last] as ImagePoint) };
  // Binary search for the segment [lo, lo + 1] containing the distance.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((lengths[mid] as number) <= distance) lo = mid;
    else hi = mid;
  }
  const a = points[lo] as ImagePoint;
  const b = points[hi] as ImagePoint;
  const segment = (lengths[hi] as number) - (lengths[lo] as number);
  const t = segment === 0 ? 0 : (distance - (lengths[lo] as number)) / segment;
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** The point `distance` pixels along the path, clamped to its ends. */
export function pointAtDistance(points: readonly ImagePoint[], distance: number): ImagePoint {
  if (points.length === 0) throw new RangeError("pointAtDistance needs at least one point");
  return pointAtWithLengths(points, cumulativeLengths(points), distance);
}

/** Points at each of the given fractions (0..1) of the path's length; the path needs ≥ 1 point. */
export function pointsAtFractions(points: readonly ImagePoint[], fractions: readonly number[]): ImagePoint[] {
  if (points.length === 0) throw new RangeError("pointsAtFractions needs at least one point");
  const lengths = cumulativeLengths(points);
  const total = lengths[points.length - 1] as number;
  return fractions.map((fraction) => pointAtWithLengths(points, lengths, fraction * total));
}

/**
 * `count` (≥ 2) points evenly spaced by arc length. The first and last points are the path's own
 * endpoints, exactly (not re-interpolated), so rounding never moves where a motion starts or ends.
 */
export function resampleByArcLength(points: readonly ImagePoint[], count: number): ImagePoint[] {
  if (points.length === 0) return [];
  const n = Math.max(2, Math.floor(count));
  const fractions = Array.from({ length: n }, (_, i) => i / (n - 1));
  const result = pointsAtFractions(points, fractions);
  result[0] = { ...(points[0] as ImagePoint) };
  result[n - 1] = { ...(points[points.length - 1] as ImagePoint) };
  return result;
}
