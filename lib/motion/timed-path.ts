/**
 * Where a region is at a given moment. Kling receives no timing, only points, so the preview assumes
 * equal time between consecutive points: point i of n is reached at t = i/(n−1). Easing is applied
 * before sending, by spreading the points along the path (`redistributeForEasing`), so the engine (which
 * only sees the Kling body) and the browser (which starts from the recipe) evaluate the same points.
 * The recipe's side (`timedPathFromRecipe`) lives in from-recipe.ts: it needs the recipe schema and
 * the request builder's trajectory code, which the render worker must not bundle.
 */
import { fromKlingOrigin, type KlingPoint } from "@/lib/geometry/kling-origin";
import type { ImagePoint, Size } from "@/lib/geometry/types";

/** Points reached at evenly spaced times: point i of n at t = i/(n−1). Never empty. */
export type TimedPath = { readonly xs: Float64Array; readonly ys: Float64Array };

/** A timed path through `points` as given (top-left image pixels); an empty list stands still at 0,0. */
export function timedPath(points: readonly ImagePoint[]): TimedPath {
  const list = points.length > 0 ? points : [{ x: 0, y: 0 }];
  return { xs: Float64Array.from(list, (point) => point.x), ys: Float64Array.from(list, (point) => point.y) };
}

/**
 * The engine's entry point: Kling trajectory points (bottom-left origin, pixels of a `frame`-sized
 * input image) → a timed path in top-left pixels of the `output` picture.
 */
export function timedPathFromKling(points: readonly KlingPoint[], frame: Size, output: Size): TimedPath {
  const path = timedPath(fromKlingOrigin(points, frame));
  return scaleTimedPath(path, output.width / frame.width, output.height / frame.height);
}

export function scaleTimedPath(path: TimedPath, scaleX: number, scaleY: number): TimedPath {
  return { xs: path.xs.map((x) => x * scaleX), ys: path.ys.map((y) => y * scaleY) };
}

/** Writes the position at normalised time t ∈ [0, 1] (clamped) into out[0], out[1]. O(1), no allocation. */
export function positionInto(path: TimedPath, t: number, out: Float64Array | number[]): void {
  const last = path.xs.length - 1;
  const u = Math.min(1, Math.max(0, t)) * last;
  const i = Math.min(last, Math.floor(u));
  const j = Math.min(last, i + 1);
  const f = u - i;
  out[0] = path.xs[i]! + (path.xs[j]! - path.xs[i]!) * f;
  out[1] = path.ys[i]! + (path.ys[j]! - path.ys[i]!) * f;
}

/** Position at normalised time t ∈ [0, 1]. */
export function positionAt(path: TimedPath, t: number): ImagePoint {
  const out = [0, 0];
  positionInto(path, t, out);
  return { x: out[0]!, y: out[1]! };
}

/** How far the region has travelled from its first point at time t: what its pixels are shifted by. */
export function offsetAt(path: TimedPath, t: number): ImagePoint {
  const at = positionAt(path, t);
  return { x: at.x - path.xs[0]!, y: at.y - path.ys[0]! };
}
