/**
 * Ramer–Douglas–Peucker simplification. Iterative (explicit stack) so a 5000-point freehand path or a
 * long traced boundary cannot overflow the call stack. Distances are to the segment, not the infinite
 * line, so every dropped point is within `tolerance` of the simplified polyline.
 */
import type { ImagePoint } from "./types";

/** Squared distance from p to the segment a–b. */
export function segmentDistanceSquared(p: ImagePoint, a: ImagePoint, b: ImagePoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared === 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared;
  t = Math.min(1, Math.max(0, t));
  const ex = a.x + t * dx - p.x;
  const ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

/** Simplifies an open polyline; the first and last points are always kept. */
export function simplifyPath<P extends ImagePoint>(points: readonly P[], tolerance: number): P[] {
  if (points.length <= 2 || !(tolerance > 0)) return points.slice();
  const keep = new Uint8Array(points.length);
  const last = points.length - 1;
  keep[0] = 1;
  keep[last] = 1;
  const toleranceSquared = tolerance * tolerance;
  const stack: number[] = [0, last];
  while (stack.length > 0) {
    const end = stack.pop() as number;
    const start = stack.pop() as number;
    const a = points[start] as P;
    const b = points[end] as P;
    let farthest = -1;
    let farthestDistance = toleranceSquared;
    for (let i = start + 1; i < end; i++) {
      const distance = segmentDistanceSquared(points[i] as P, a, b);
      if (distance > farthestDistance) {
        farthest = i;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push(start, farthest, farthest, end);
    }
  }
  return points.filter((_, index) => keep[index] === 1);
}

/**
 * Simplifies a closed ring given without its closing duplicate. The ring is split at its first point
 * and the point farthest from it, and each half is simplified as an open path.
 */
export function simplifyRing<P extends ImagePoint>(ring: readonly P[], tolerance: number): P[] {
  if (ring.length <= 3 || !(tolerance > 0)) return ring.slice();
  const first = ring[0] as P;
  let split = 1;
  let splitDistance = -1;
  for (let i = 1; i < ring.length; i++) {
    const point = ring[i] as P;
    const distance = (point.x - first.x) ** 2 + (point.y - first.y) ** 2;
    if (distance > splitDistance) {
      split = i;
      splitDistance = distance;
    }
  }
  const firstHalf = simplifyPath(ring.slice(0, split + 1), tolerance);
  const secondHalf = simplifyPath([...ring.slice(split), first], tolerance);
  return [...firstHalf, ...secondHalf.slice(1, -1)];
}
