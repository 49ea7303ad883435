"use client";

import { useCallback, useMemo, useRef, type RefObject } from "react";
import { stagePoint, type Size, type StagePoint, type Viewport } from "@/lib/geometry/types";
import type { EditorStore } from "@/lib/editor/store";
import { pinchViewport, zoomLimits } from "@/lib/editor/viewport";

type Pinch = { start: Viewport; from: [StagePoint, StagePoint]; ids: [number, number] };
type Latest = { imageSize: Size | null; viewSize: Size };

/**
 * Two touch pointers become a pinch-zoom and pan. `touchDown` reports whether a pinch just began (the
 * caller then drops whatever the first finger started); `pinching` whether one is running, in which
 * case pointer events belong to it; `update` applies the fingers' latest positions (once a frame).
 */
export function usePinch(store: EditorStore, latest: RefObject<Latest>) {
  const touches = useRef(new Map<number, StagePoint>());
  const pinch = useRef<Pinch | null>(null);

  const touchDown = useCallback(
    (id: number, at: StagePoint): "pinch" | "ignore" | "single" => {
      touches.current.set(id, at);
      if (touches.current.size === 2) {
        const [[idA, a], [idB, b]] = [...touches.current.entries()] as [[number, StagePoint], [number, StagePoint]];
        pinch.current = { start: store.getState().viewport, from: [a, b], ids: [idA, idB] };
        return "pinch";
      }
      return touches.current.size > 2 ? "ignore" : "single";
    },
    [store],
  );

  const touchMove = useCallback((id: number, at: StagePoint) => {
    if (touches.current.has(id)) touches.current.set(id, stagePoint(at.x, at.y));
  }, []);

  /** A finger lifted or cancelled; true when the event belonged to a pinch. */
  const touchUp = useCallback((id: number): boolean => {
    touches.current.delete(id);
    const was = pinch.current !== null;
    if (touches.current.size < 2) pinch.current = null;
    return was;
  }, []);

  const update = useCallback(() => {
    const p = pinch.current;
    const size = latest.current.imageSize;
    if (!p || !size) return;
    const a = touches.current.get(p.ids[0]);
    const b = touches.current.get(p.ids[1]);
    if (a && b) store.getState().setViewport(pinchViewport(p.start, p.from, [a, b], zoomLimits(size, latest.current.viewSize)));
  }, [latest, store]);

  const pinching = useCallback(() => pinch.current !== null, []);

  return useMemo(() => ({ touchDown, touchMove, touchUp, update, pinching }), [touchDown, touchMove, touchUp, update, pinching]);
}
