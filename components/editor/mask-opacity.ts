"use client";

import { useSyncExternalStore } from "react";

/**
 * How strongly masks tint the image on the canvas: one preference shared by the slider and the mask
 * layer, remembered in localStorage (a view setting, not part of the document or its undo history).
 */

const KEY = "motion-studio:mask-opacity";
export const DEFAULT_MASK_OPACITY = 0.45;
export const MIN_MASK_OPACITY = 0.1;
export const MAX_MASK_OPACITY = 0.9;

const listeners = new Set<() => void>();
let cached: number | null = null;

function clampOpacity(value: number): number {
  return Number.isFinite(value) ? Math.min(MAX_MASK_OPACITY, Math.max(MIN_MASK_OPACITY, value)) : DEFAULT_MASK_OPACITY;
}

function read(): number {
  if (cached !== null) return cached;
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(KEY);
  } catch {
    // Storage may be blocked (privacy mode): the default applies.
  }
  cached = stored === null ? DEFAULT_MASK_OPACITY : clampOpacity(Number(stored));
  return cached;
}

export function setMaskOpacity(value: number): void {
  cached = clampOpacity(value);
  try {
    window.localStorage.setItem(KEY, String(cached));
  } catch {
    // Not remembered, but still applied for this page.
  }
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export function useMaskOpacity(): number {
  return useSyncExternalStore(subscribe, read, () => DEFAULT_MASK_OPACITY);
}
