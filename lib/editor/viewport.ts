import { fitToView, stageToImage, zoomAt, type ZoomLimits } from "@/lib/geometry/transform";
import { stagePoint, type Size, type StagePoint, type Viewport } from "@/lib/geometry/types";

/** View maths the editor needs on top of lib/geometry: fit, 100 %, zoom steps, pinch. */

export const FIT_PADDING = 32;
/** Space kept between a fitted image and a floating control beside it. */
export const OVERLAY_GAP = 12;

/** How far floating controls (tool strip, zoom and Preview chips) reach into the view on each side. */
export type Insets = { top: number; right: number; bottom: number; left: number };
export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
export const ZOOM_STEP = 1.25;
/** A 300 px frame may be magnified until one image pixel covers 32 screen pixels. */
export const MAX_SCALE = 32;

export function zoomLimits(image: Size, view: Size): ZoomLimits {
  const fit = fitToView(image, view, FIT_PADDING).scale;
  return { min: Math.min(fit / 4, 0.02), max: MAX_SCALE };
}

/**
 * The whole image, as large as it fits in the part of the view no floating control covers, centred
 * there: each side keeps the padding, or a small gap past the overlay on that side.
 */
export function fitViewport(image: Size, view: Size, insets: Insets = NO_INSETS): Viewport {
  const margin = (inset: number) => (inset > 0 ? inset + OVERLAY_GAP : FIT_PADDING);
  const left = margin(insets.left);
  const top = margin(insets.top);
  const free = { width: view.width - left - margin(insets.right), height: view.height - top - margin(insets.bottom) };
  const fit = fitToView(image, { width: Math.max(1, free.width), height: Math.max(1, free.height) });
  return { scale: fit.scale, x: fit.x + left, y: fit.y + top };
}

/** Whether two inset sets are the same (measured insets arrive as new objects on every resize). */
export function sameInsets(a: Insets, b: Insets): boolean {
  return a.top === b.top && a.right === b.right && a.bottom === b.bottom && a.left === b.left;
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

/** Pixels per line and the clamp of one wheel event (a fast spin must not leap several steps). */
const LINE_PX = 16;
const MAX_WHEEL_PX = 120;
/** Zoom per wheel pixel: a 100 px mouse notch is about 13 %, a trackpad pinch pixel about 1 %. */
const WHEEL_SENSITIVITY = 0.0012;
const PINCH_SENSITIVITY = 0.01;

/** A wheel event's vertical delta in pixels, whatever unit the browser used (lines, pages). */
export function wheelPixels(deltaY: number, deltaMode: number, pageHeight: number): number {
  if (deltaMode === 1) return deltaY * LINE_PX;
  if (deltaMode === 2) return deltaY * pageHeight;
  return deltaY;
}

/**
 * The zoom factor of one wheel event, proportional to its delta in log space: two half-notches zoom
 * exactly as much as one notch, so a trackpad's many small deltas and a mouse's few large ones agree.
 * Trackpad pinches arrive as ctrl+wheel with small deltas and get a finer scale.
 */
export function wheelFactor(deltaPx: number, pinch: boolean): number {
  const clamped = Math.max(-MAX_WHEEL_PX, Math.min(MAX_WHEEL_PX, deltaPx));
  return Math.exp(-clamped * (pinch ? PINCH_SENSITIVITY : WHEEL_SENSITIVITY));
}

/** Wheel zoom around the cursor, applied at once. */
export function wheelZoom(viewport: Viewport, deltaY: number, pinch: boolean, anchor: StagePoint, limits: ZoomLimits): Viewport {
  return zoomAt(viewport, wheelFactor(deltaY, pinch), anchor, limits);
}

/** Share of the remaining zoom a smoothed wheel covers per animation frame (~90 % in 6 frames). */
export const WHEEL_EASE = 0.32;

/**
 * One animation frame of a smoothed wheel zoom towards `targetScale` around `anchor`; returns the
 * viewport and whether the target is reached (then exactly at it, so the animation ends cleanly).
 */
export function easeZoom(viewport: Viewport, targetScale: number, anchor: StagePoint, limits: ZoomLimits): { viewport: Viewport; done: boolean } {
  const target = Math.min(limits.max, Math.max(limits.min, targetScale));
  const ratio = target / viewport.scale;
  const done = Math.abs(Math.log(ratio)) < 0.002;
  return { viewport: zoomAt(viewport, done ? ratio : Math.pow(ratio, WHEEL_EASE), anchor, limits), done };
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
