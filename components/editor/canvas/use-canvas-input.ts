"use client";

import { useCallback, useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import { stageToImage } from "@/lib/geometry/transform";
import { stagePoint, type Size, type StagePoint } from "@/lib/geometry/types";
import type { EditorStore } from "@/lib/editor/store";
import type { PixelSource } from "@/lib/editor/tools/types";
import type { CanvasSignalStore } from "./canvas-signals";
import { usePinch } from "./use-pinch";
import { useSpacePan } from "./use-space-pan";
import { useToolInput } from "./use-tool-input";
import { useWheelZoom } from "./use-wheel-zoom";

/**
 * Pointer, wheel and keyboard input for the canvas, wired from its seams: the tool session (painting,
 * trajectory editing, the hand), the gestures that move the view (two-finger pinch, wheel zoom, Space
 * or the middle button to pan) and the hover point the cursor layers follow.
 */

type Options = {
  store: EditorStore;
  signals: CanvasSignalStore;
  containerRef: RefObject<HTMLDivElement | null>;
  imageSize: Size | null;
  viewSize: Size;
  pixels: () => PixelSource | null;
  onNotice: (message: string) => void;
};

export function useCanvasInput({ store, signals, containerRef, imageSize, viewSize, pixels, onNotice }: Options) {
  const latest = useRef({ imageSize, viewSize, pixels, onNotice });
  useEffect(() => {
    latest.current = { imageSize, viewSize, pixels, onNotice };
  });

  const screenOf = useCallback(
    (e: { clientX: number; clientY: number }): StagePoint => {
      const rect = containerRef.current?.getBoundingClientRect();
      return stagePoint(e.clientX - (rect?.left ?? 0), e.clientY - (rect?.top ?? 0));
    },
    [containerRef],
  );

  const pinch = usePinch(store, latest);
  const tool = useToolInput(store, signals, screenOf, latest, pinch.update);
  const space = useSpacePan(signals, tool.busy);
  useWheelZoom(store, containerRef, screenOf, latest);

  const cancel = useCallback(() => tool.cancel(space.current), [space, tool]);

  const onPointerDown = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      if (e.pointerType === "touch") {
        const kind = pinch.touchDown(e.pointerId, screenOf(e));
        // A second finger turns whatever the first one started into a pinch.
        if (kind === "pinch") return cancel();
        if (kind === "ignore") return;
      }
      const viaHand = space.current || e.button === 1;
      // The middle button is a pan, not a "secondary" press for the hand tool.
      tool.begin(e, viaHand ? "hand" : store.getState().tool, viaHand ? 0 : e.button, space.current);
    },
    [cancel, pinch, screenOf, space, store, tool],
  );

  const onPointerMove = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      if (e.pointerType === "touch") pinch.touchMove(e.pointerId, screenOf(e));
      if (pinch.pinching()) return tool.schedule();
      tool.move(e);
      signals.setState({ hover: stageToImage(screenOf(e), store.getState().viewport) });
      tool.schedule();
    },
    [pinch, screenOf, signals, store, tool],
  );

  const onPointerUp = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      if (pinch.touchUp(e.pointerId)) return;
      tool.end(e, space.current);
    },
    [pinch, space, tool],
  );

  const onPointerCancel = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      pinch.touchUp(e.pointerId);
      if (tool.owns(e.pointerId)) cancel();
    },
    [cancel, pinch, tool],
  );

  const onPointerLeave = useCallback(() => signals.setState({ hover: null }), [signals]);

  return {
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onPointerLeave },
    cancel,
  };
}
