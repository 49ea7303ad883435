/**
 * Turns a drawn trajectory into what Kling accepts (2–77 points for a 5 s video) and spreads points
 * in time for an easing. Easing is a preview assumption: Kling does not document how it times a
 * trajectory, so we assume equal time between consecutive points; `redistributeForEasing` then places
 * point i where the region is at time i/(count−1).
 */
import type { Easing, Region } from "@/lib/recipe/schema";
import { samplePath } from "./curve";
import { toKlingOrigin, type KlingPoint } from "./kling-origin";
import { dropConsecutiveDuplicates, pointsAtFractions, resampleByArcLength } from "./resample";
import { simplifyPath } from "./simplify";
import type { ImagePoint, Size } from "./types";

import { MAX_TRAJECTORY_POINTS, MIN_TRAJECTORY_POINTS } from "@/lib/kling/contract";

/** Kling's bounds on trajectory points, defined in the contract; re-exported for the drawing tools. */
export { MAX_TRAJECTORY_POINTS, MIN_TRAJECTORY_POINTS };
/** Light smoothing: removes hand jitter below half a pixel without changing the drawn shape. */
const DEFAULT_TOLERANCE = 0.5;

export type PrepareOptions = { maxPoints?: number; tolerance?: number };

/**
 * Dedupes, simplifies lightly and, if still over `maxPoints`, resamples by arc length to exactly
 * `maxPoints`. Endpoints are preserved; ≥ 2 distinct input points always give ≥ 2 output points.
 * Fewer than 2 distinct points are returned as they are (0 or 1 point) for the validator to reject.
 */
export function prepareTrajectory(points: readonly ImagePoint[], options: PrepareOptions = {}): ImagePoint[] {
  const maxPoints = Math.max(MIN_TRAJECTORY_POINTS, Math.floor(options.maxPoints ?? MAX_TRAJECTORY_POINTS));
  const distinct = dropConsecutiveDuplicates(points);
  if (distinct.length < 2) return distinct.map((point) => ({ ...point }));
  const simplified = simplifyPath(distinct, options.tolerance ?? DEFAULT_TOLERANCE);
  if (simplified.length <= maxPoints) return simplified.map((point) => ({ ...point }));
  return resampleByArcLength(simplified, maxPoints);
}

/** Fraction of the path covered at normalised time t ∈ [0, 1] (quadratic easings). */
export function easeProgress(easing: Easing, t: number): number {
  const x = Math.min(1, Math.max(0, t));
  switch (easing) {
    case "linear":
      return x;
    case "ease-in":
      return x * x;
    case "ease-out":
      return 1 - (1 - x) * (1 - x);
    case "ease-in-out":
      return x < 0.5 ? 2 * x * x : 1 - 2 * (1 - x) * (1 - x);
  }
}

/**
 * `count` points (clamped to [2, 77]) along the path: point i is where the region is at time
 * i/(count−1) under `easing`. Linear gives constant speed, i.e. even arc-length spacing. The path's
 * endpoints are kept exactly. Fewer than 2 distinct points are returned deduped, as they are.
 */
export function redistributeForEasing(points: readonly ImagePoint[], easing: Easing, count: number): ImagePoint[] {
  const distinct = dropConsecutiveDuplicates(points);
  if (distinct.length < 2) return distinct.map((point) => ({ ...point }));
  const n = Math.min(MAX_TRAJECTORY_POINTS, Math.max(MIN_TRAJECTORY_POINTS, Math.floor(count)));
  const fractions = Array.from({ length: n }, (_, i) => easeProgress(easing, i / (n - 1)));
  const result = pointsAtFractions(distinct, fractions);
  result[0] = { ...(distinct[0] as ImagePoint) };
  result[n - 1] = { ...(distinct[distinct.length - 1] as ImagePoint) };
  return result;
}

/** What decides where a region goes: its drawn points, how they are joined, how speed is spread. */
export type RegionPath = Pick<Region, "trajectory" | "easing" | "curve">;

/**
 * Exactly what the request builder sends for a region's path: the curve it means (`samplePath`),
 * resampled to Kling's maximum of 77 points spread by `easing` (equal time between points), flipped
 * to Kling's bottom-left integer pixels. Anything that must agree with the sent request (the motion
 * preview) should call this rather than re-compose it.
 */
export function toKlingTrajectory(path: RegionPath, size: Size): KlingPoint[] {
  const curve = samplePath(path.trajectory, path.curve);
  return toKlingOrigin(redistributeForEasing(curve, path.easing, MAX_TRAJECTORY_POINTS), size);
}
