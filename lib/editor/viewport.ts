import { fitToView, stageToImage, zoomAt, type ZoomLimits } from "@/lib/geometry/transform";
import { stagePoint, type Size, type StagePoint, type Viewport } from "@/lib/geometry/types";

/** View maths the editor needs on top of lib/geometry: fit, 100 %, zoom steps, pinch. */

export const FIT_PADDING = 32;
export const ZOOM_STEP = 1.25;
/** A 300 px frame may be magnified until one image pixel covers 32 screen pixels. */
export const MAX_SCALE = 32;

export function zoomLimits(image: Size, view: Size): ZoomLimits {
  const fit = fitToView(image, view, FIT_PADDING).scale;
  return { min: Math.min(fit / 4, 0.02), max: MAX_SCALE };
}

export function fitViewport(image: Size, view: Size): Viewport {
  return fitToView(image, view, FIT_PADDING);
}

export function viewCentre(view: Size): StagePoint {
  return stagePoint(view.width / 2, view.height / 2);
}

/** 100 %: one image pixel per screen pixel, keeping the image point at the view's centre in place. */
export function actualSize(viewport: Viewport, view: Size): Viewport {
  return zoomAt(viewport, 1 / viewport.scale, viewCentre(view), { min: 1, max: 1 });
}

/** One zoom step in or out around the view's centre (buttons, + and − keys). */
export function zoomStep(viewport: Viewport, direction: 1 | -1, image: Size, view: Size): Viewport {
  const factor = direction > 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
  return zoomAt(viewport, factor, viewCentre(view), zoomLimits(image, view));
}

/**
 * Wheel zoom around the cursor. Trackpad pinches arrive as ctrl+wheel with small deltas, mouse wheels
 * as ±100-ish notches; an exponential of the delta feels the same for both.
 */
export function wheelZoom(viewport: Viewport, deltaY: number, pinch: boolean, anchor: StagePoint, limits: ZoomLimits): Viewport {
  const sensitivity = pinch ? 0.01 : 0.0015;
  const clamped = Math.max(-300, Math.min(300, deltaY));
  return zoomAt(viewport, Math.exp(-clamped * sensitivity), anchor, limits);
}

/**
 * Two-finger pinch and pan: the image point under the fingers' first midpoint follows the current
 * midpoint, and the scale follows the change in finger distance.
 */
export function pinchViewport(
  start: Viewport,
  from: [StagePoint, StagePoint],
  to: [StagePoint, StagePoint],
  limits: ZoomLimits,
): Viewport {
  const dist = (a: StagePoint, b: StagePoint) => Math.max(1, Math.hypot(a.x - b.x, a.y - b.y));
  const mid = (a: StagePoint, b: StagePoint) => stagePoint((a.x + b.x) / 2, (a.y + b.y) / 2);
  const anchor = stageToImage(mid(...from), start);
  const scale = Math.min(limits.max, Math.max(limits.min, (start.scale * dist(...to)) / dist(...from)));
  const m = mid(...to);
  return { scale, x: m.x - anchor.x * scale, y: m.y - anchor.y * scale };
}

/** Zoom as the percentage the UI shows. */
export function zoomPercent(viewport: Viewport): number {
  return Math.round(viewport.scale * 100);
}
