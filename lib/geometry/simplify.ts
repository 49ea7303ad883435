/**
 * Ramer–Douglas–Peucker simplification. Iterative (explicit stack) so a 5000-point freehand path or a
 * long traced boundary cannot overflow the call stack. Distances are to the segment, not the infinite
 * line, so every dropped point is within `tolerance` of the simplified polyline. Any interior split
 * point keeps that guarantee, so a very lopsided split of a long range (a zigzag that keeps every
 * point) is replaced by the midpoint: that bounds the work at O(n log n) for traced boundaries with
 * hundreds of thousands of vertices, at the cost of a few extra points in such pathological runs.
 */
import type { ImagePoint } from "./types";

/** Ranges shorter than this are split at the farthest point whatever the balance. */
const BALANCE_MIN_SPAN = 64;

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
    if (farthest === -1) continue;
    const span = end - start;
    const lopsided = (farthest - start) * 8 < span || (end - farthest) * 8 < span;
    const split = span > BALANCE_MIN_SPAN && lopsided ? start + (span >> 1) : farthest;
    keep[split] = 1;
    stack.push(start, split, split, end);
  }
  return points.filter((_, index) => keep[index] === 1);
}

/**
 * Simplifies a closed ring given without its closing duplicate. The ring is cut at three anchors — its
 * first point, the point farthest from it, and the point farthest from the chord between those two —
 * and each arc is simplified as an open path, so any ring of ≥ 3 points keeps ≥ 3 vertices.
 */
export function simplifyRing<P extends ImagePoint>(ring: readonly P[], tolerance: number): P[] {
  if (ring.length <= 3 || !(tolerance > 0)) return ring.slice();
  const first = ring[0] as P;
  let second = 1;
  let secondDistance = -1;
  for (let i = 1; i < ring.length; i++) {
    const point = ring[i] as P;
    const distance = (point.x - first.x) ** 2 + (point.y - first.y) ** 2;
    if (distance > secondDistance) {
      second = i;
      secondDistance = distance;
    }
  }
  let third = second === 1 ? 2 : 1;
  let thirdDistance = -1;
  for (let i = 1; i < ring.length; i++) {
    if (i === second) continue;
    const distance = segmentDistanceSquared(ring[i] as P, first, ring[second] as P);
    if (distance > thirdDistance) {
      third = i;
      thirdDistance = distance;
    }
  }
  const anchors = [0, Math.min(second, third), Math.max(second, third), ring.length];
  const result: P[] = [];
  for (let k = 0; k < 3; k++) {
    const from = anchors[k] as number;
    const to = anchors[k + 1] as number;
    const arc = to === ring.length ? [...ring.slice(from), first] : ring.slice(from, to + 1);
    result.push(...simplifyPath(arc, tolerance).slice(0, -1));
  }
  return result;
}
