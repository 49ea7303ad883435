/**
 * THE y-flip. Kling trajectories use integer pixels with the origin at the image's bottom-left
 * (y grows upward); everything in this app is top-left. This is the only place the flip happens.
 */
import type { ImagePoint, Size } from "./types";

export type KlingPoint = { x: number; y: number };

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, value));
}

/** Top-left image points → Kling's bottom-left integer points, clamped to [0,width]×[0,height]. */
export function toKlingOrigin(points: readonly ImagePoint[], size: Size): KlingPoint[] {
  return points.map((point) => ({
    x: clamp(Math.round(point.x), size.width),
    y: clamp(Math.round(size.height - point.y), size.height),
  }));
}

/** The inverse, for readers of a Kling body (the preview engine): bottom-left → top-left. */
export function fromKlingOrigin(points: readonly KlingPoint[], size: Size): ImagePoint[] {
  return points.map((point) => ({ x: point.x, y: size.height - point.y }));
}
