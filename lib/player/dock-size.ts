/**
 * The output dock's height: clamped so the canvas keeps room above it, changed by dragging its
 * separator or by keys (WAI-ARIA window splitter), remembered per browser. Pure.
 */

export const DOCK_STORAGE_KEY = "motion-studio:dock-height";
export const DOCK_MIN = 140;
/** Room the header, the dock's tab bar and a usable canvas need above the dock. */
const ABOVE_DOCK = 220;
const STEP = 16;
const BIG_STEP = 64;

export type DockBounds = { min: number; max: number };

export function dockBounds(viewportHeight: number): DockBounds {
  return { min: DOCK_MIN, max: Math.max(DOCK_MIN, Math.round(viewportHeight - ABOVE_DOCK)) };
}

/** Before anything is remembered: a bit under half the window, so a result is large enough to judge. */
export function defaultDockHeight(viewportHeight: number): number {
  return clampDock(Math.round(viewportHeight * 0.42), dockBounds(viewportHeight));
}

export function clampDock(height: number, bounds: DockBounds): number {
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(height)));
}

/** The height a key asks for (the separator is above the dock: up grows it), or null for other keys. */
export function dockHeightForKey(key: string, shift: boolean, height: number, bounds: DockBounds): number | null {
  const step = shift ? BIG_STEP : STEP;
  if (key === "ArrowUp") return clampDock(height + step, bounds);
  if (key === "ArrowDown") return clampDock(height - step, bounds);
  if (key === "Home") return bounds.min;
  if (key === "End") return bounds.max;
  return null;
}

/** A remembered height, or null when there is none or it is not a number. */
export function readDockHeight(stored: string | null): number | null {
  if (stored === null) return null;
  const value = Number(stored);
  return Number.isFinite(value) && value > 0 ? value : null;
}
