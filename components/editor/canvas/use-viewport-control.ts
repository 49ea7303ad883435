"use client";

import { useEffect, useRef, type RefObject } from "react";
import type { Size, Viewport } from "@/lib/geometry/types";
import type { FrameRef } from "@/lib/editor/document";
import { defaultBrushSize, type EditorStore } from "@/lib/editor/store";
import { actualSize, fitViewport, zoomStep, type Insets } from "@/lib/editor/viewport";
import type { CanvasController } from "./canvas-controller";

export type ViewportControlOptions = {
  store: EditorStore;
  start: FrameRef | null;
  imageSize: Size | null;
  view: Size;
  insets: Insets;
  controllerRef: RefObject<CanvasController | null>;
  cancel: () => void;
};

/** Keeps the image fitted to the view, and hands the zoom controls and shortcuts their commands through `controllerRef`. */
export function useViewportControl({ store, start, imageSize, view, insets, controllerRef, cancel }: ViewportControlOptions) {
  // Fit when a new start frame arrives, and keep fitting on resize until the user zooms or pans.
  const fitted = useRef<{ asset: string; viewport: Viewport } | null>(null);
  useEffect(() => {
    if (!start || view.width === 0 || view.height === 0) return;
    const current = store.getState().viewport;
    const stillFitted = fitted.current?.asset === start.assetId && fitted.current.viewport === current;
    if (fitted.current?.asset === start.assetId && !stillFitted) return;
    const next = fitViewport(start, view, insets);
    if (fitted.current?.asset !== start.assetId) store.getState().setBrushSize(defaultBrushSize(start));
    fitted.current = { asset: start.assetId, viewport: next };
    store.getState().setViewport(next);
  }, [start, view, insets, store]);

  useEffect(() => {
    const set = (next: Viewport) => store.getState().setViewport(next);
    controllerRef.current = {
      fit: () => imageSize && set(fitViewport(imageSize, view, insets)),
      actualSize: () => set(actualSize(store.getState().viewport, view)),
      zoomIn: () => imageSize && set(zoomStep(store.getState().viewport, 1, imageSize, view)),
      zoomOut: () => imageSize && set(zoomStep(store.getState().viewport, -1, imageSize, view)),
      cancelGesture: cancel,
    };
    return () => {
      controllerRef.current = null;
    };
  }, [cancel, controllerRef, imageSize, insets, store, view]);
}
