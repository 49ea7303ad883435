/**
 * What a drawn path means. A "straight" path is the polyline through its points; a "smooth" path is a
 * centripetal Catmull-Rom spline through them (alpha 0.5: no cusps or self-intersections inside a
 * segment, unlike the uniform variant). Everything that turns a path into motion (the Kling request,
 * the engine, the live preview) and the canvas that draws it samples it here, so they all agree.
 */
import type { PathCurve } from "@/lib/recipe/schema";
import { dropConsecutiveDuplicates } from "./resample";
import type { ImagePoint } from "./types";

/** Centripetal parameterisation. */
const ALPHA = 0.5;
/** A segment is cut into steps of at most this many pixels of chord… */
const STEP_PX = 4;
/** …and at most this many steps, so a 5000-point document stays a few hundred thousand samples at most. */
const MAX_STEPS = 64;

function lerp(a: ImagePoint, b: ImagePoint, ta: number, tb: number, t: number): ImagePoint {
  const w = (t - ta) / (tb - ta);
  return { x: a.x + (b.x - a.x) * w, y: a.y + (b.y - a.y) * w };
}

function knotGap(a: ImagePoint, b: ImagePoint): number {
  return Math.hypot(b.x - a.x, b.y - a.y) ** ALPHA;
}

/**
 * The point of the centripetal Catmull-Rom segment from p1 to p2 at u ∈ [0, 1] of its knot interval
 * (Barry–Goldman pyramid). p0 and p3 are the neighbours; consecutive points must differ.
 */
export function catmullRomPoint(p0: ImagePoint, p1: ImagePoint, p2: ImagePoint, p3: ImagePoint, u: number): ImagePoint {
  const t0 = 0;
  const t1 = t0 + knotGap(p0, p1);
  const t2 = t1 + knotGap(p1, p2);
  const t3 = t2 + knotGap(p2, p3);
  const t = t1 + (t2 - t1) * u;
  const a1 = lerp(p0, p1, t0, t1, t);
  const a2 = lerp(p1, p2, t1, t2, t);
  const a3 = lerp(p2, p3, t2, t3, t);
  const b1 = lerp(a1, a2, t0, t2, t);
  const b2 = lerp(a2, a3, t1, t3, t);
  return lerp(b1, b2, t1, t2, t);
}

/** The end's missing neighbour, mirrored through it, so the curve leaves the end along its first chord. */
function mirrored(end: ImagePoint, next: ImagePoint): ImagePoint {
  return { x: 2 * end.x - next.x, y: 2 * end.y - next.y };
}

/** An even number of steps, so the segment's parametric midpoint is always one of the samples. */
function stepsFor(a: ImagePoint, b: ImagePoint): number {
  const half = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / (2 * STEP_PX));
  return Math.min(MAX_STEPS, 2 * Math.max(1, half));
}

function smoothPath(points: readonly ImagePoint[]): ImagePoint[] {
  // Repeated points would give a zero knot interval (a division by zero, a kink): they add nothing.
  const distinct = dropConsecutiveDuplicates(points);
  if (distinct.length < 3) return distinct.map((point) => ({ ...point }));
  const last = distinct.length - 1;
  const result: ImagePoint[] = [];
  for (let i = 0; i < last; i++) {
    const p1 = distinct[i]!;
    const p2 = distinct[i + 1]!;
    const p0 = distinct[i - 1] ?? mirrored(p1, p2);
    const p3 = distinct[i + 2] ?? mirrored(p2, p1);
    // Every drawn point is kept exactly: the curve passes through what the user placed.
    result.push({ ...p1 });
    const steps = stepsFor(p1, p2);
    for (let s = 1; s < steps; s++) result.push(catmullRomPoint(p0, p1, p2, p3, s / steps));
  }
  result.push({ ...distinct[last]! });
  return result;
}

/** The dense polyline a path means: the points themselves for "straight", the spline for "smooth". */
export function samplePath(points: readonly ImagePoint[], curve: PathCurve): ImagePoint[] {
  return curve === "smooth" ? smoothPath(points) : points.map((point) => ({ ...point }));
}
