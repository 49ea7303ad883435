"use client";

import { createStore } from "zustand/vanilla";
import type { ImagePoint } from "@/lib/recipe/schema";
import type { ToolPreview } from "@/lib/editor/tools/types";

/**
 * Fast-changing canvas state (pointer position, in-progress preview), updated at most once per
 * animation frame. Kept out of the editor store: it is not document, not history, and only the UI
 * layer listens to it, so a pointer move re-renders one small layer.
 */
export type CanvasSignals = {
  hover: ImagePoint | null;
  preview: ToolPreview | null;
  /** Space held or middle button: the hand cursor overrides the active tool. */
  panning: "ready" | "active" | null;
};

export function createCanvasSignals() {
  return createStore<CanvasSignals>()(() => ({ hover: null, preview: null, panning: null }));
}

export type CanvasSignalStore = ReturnType<typeof createCanvasSignals>;
