"use client";

import { useCallback, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import { stageToImage } from "@/lib/geometry/transform";
import type { StagePoint } from "@/lib/geometry/types";
import type { EditorStore } from "@/lib/editor/store";
import type { PixelSource, ToolContext, ToolPointer } from "@/lib/editor/tools/types";

export type Latest = { pixels: () => PixelSource | null; onNotice: (message: string) => void };

/**
 * What a tool session reads at each step: the editor state it works on (read fresh from the store, so
 * the callbacks stay stable) and a pointer event turned into image and screen coordinates.
 */
export function useToolContext(store: EditorStore, screenOf: (e: { clientX: number; clientY: number }) => StagePoint, latest: RefObject<Latest>) {
  const context = useCallback((): ToolContext => {
    const s = store.getState();
    return {
      doc: s.doc,
      selectedRegion: s.selectedRegion,
      selectedPoint: s.selectedPoint,
      maskLayer: s.maskLayer,
      brushSize: s.brushSize,
      tolerance: s.tolerance,
      scale: s.viewport.scale,
      viewport: { x: s.viewport.x, y: s.viewport.y },
      pixels: latest.current.pixels(),
    };
  }, [latest, store]);

  const toPointer = useCallback(
    (e: PointerEvent | ReactPointerEvent, button = e.button): ToolPointer => {
      const screen = screenOf(e);
      const point = stageToImage(screen, store.getState().viewport);
      return { point, screen: { x: screen.x, y: screen.y }, button, alt: e.altKey, shift: e.shiftKey };
    },
    [screenOf, store],
  );

  return { context, toPointer };
}
