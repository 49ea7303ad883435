"use client";

import { useCallback, useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import { stageToImage } from "@/lib/geometry/transform";
import { stagePoint, type Size, type StagePoint, type Viewport } from "@/lib/geometry/types";
import { isTypingTarget } from "@/lib/editor/actions";
import type { EditorStore } from "@/lib/editor/store";
import { createToolSession } from "@/lib/editor/tools";
import type { ToolSession, ToolStep } from "@/lib/editor/tools/session";
import type { PixelSource, ToolContext, ToolPointer } from "@/lib/editor/tools/types";
import { pinchViewport, wheelZoom, zoomLimits } from "@/lib/editor/viewport";
import type { CanvasSignalStore } from "./canvas-signals";

/**
 * Pointer, wheel and space-key input for the canvas. Pointer moves are queued and fed to the active
 * tool once per animation frame (with the browser's coalesced events, so fast strokes keep their
 * shape); two touch pointers become a pinch-zoom/pan; space or the middle button pan with the hand.
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

type Pinch = { start: Viewport; from: [StagePoint, StagePoint]; ids: [number, number] };

export function useCanvasInput({ store, signals, containerRef, imageSize, viewSize, pixels, onNotice }: Options) {
  const session = useRef<{ id: number; tool: ToolSession } | null>(null);
  const queue = useRef<ToolPointer[]>([]);
  const frame = useRef<number | null>(null);
  const touches = useRef(new Map<number, StagePoint>());
  const pinch = useRef<Pinch | null>(null);
  const space = useRef(false);
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
  }, [store]);

  const toPointer = useCallback(
    (e: PointerEvent | ReactPointerEvent, button = e.button): ToolPointer => {
      const screen = screenOf(e);
      const point = stageToImage(screen, store.getState().viewport);
      return { point, screen: { x: screen.x, y: screen.y }, button, alt: e.altKey, shift: e.shiftKey };
    },
    [screenOf, store],
  );

  const apply = useCallback(
    (step: ToolStep) => {
      store.getState().applyEffects(step.effects);
      for (const effect of step.effects) if (effect.type === "notice") latest.current.onNotice(effect.message);
      signals.setState({ preview: step.preview });
      if (!step.active && signals.getState().panning === "active") signals.setState({ panning: space.current ? "ready" : null });
    },
    [signals, store],
  );

  const flush = useCallback(() => {
    frame.current = null;
    const active = session.current;
    const pending = queue.current;
    queue.current = [];
    if (active && pending.length > 0) {
      let last: ToolStep | null = null;
      for (const p of pending) {
        last = active.tool.move(p, context());
        store.getState().applyEffects(last.effects);
      }
      if (last) signals.setState({ preview: last.preview });
    }
    const p = pinch.current;
    if (p) {
      const a = touches.current.get(p.ids[0]);
      const b = touches.current.get(p.ids[1]);
      const size = latest.current.imageSize;
      if (a && b && size) store.getState().setViewport(pinchViewport(p.start, p.from, [a, b], zoomLimits(size, latest.current.viewSize)));
    }
  }, [context, signals, store]);

  const schedule = useCallback(() => {
    if (frame.current === null) frame.current = requestAnimationFrame(flush);
  }, [flush]);

  const cancel = useCallback(() => {
    queue.current = [];
    const active = session.current;
    session.current = null;
    if (active) apply(active.tool.cancel());
  }, [apply]);

  const onPointerDown = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      if (e.pointerType === "touch") {
        touches.current.set(e.pointerId, screenOf(e));
        if (touches.current.size === 2) {
          // A second finger turns whatever the first one started into a pinch.
          cancel();
          const [[idA, a], [idB, b]] = [...touches.current.entries()] as [[number, StagePoint], [number, StagePoint]];
          pinch.current = { start: store.getState().viewport, from: [a, b], ids: [idA, idB] };
          return;
        }
        if (touches.current.size > 2) return;
      }
      if (session.current) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      const viaHand = space.current || e.button === 1;
      const toolId = viaHand ? "hand" : store.getState().tool;
      const tool = createToolSession(toolId);
      session.current = { id: e.pointerId, tool };
      if (toolId === "hand") signals.setState({ panning: "active" });
      // The middle button is a pan, not a "secondary" press for the hand tool.
      apply(tool.down(toPointer(e, viaHand ? 0 : e.button), context()));
      if (!tool.active) session.current = null;
    },
    [apply, cancel, context, screenOf, signals, store, toPointer],
  );

  const onPointerMove = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      if (e.pointerType === "touch" && touches.current.has(e.pointerId)) touches.current.set(e.pointerId, screenOf(e));
      if (pinch.current) return schedule();
      const active = session.current;
      if (active && active.id === e.pointerId) {
        const native = e.nativeEvent;
        const events = typeof native.getCoalescedEvents === "function" ? native.getCoalescedEvents() : [];
        for (const c of events.length > 0 ? events : [native]) queue.current.push(toPointer(c, 0));
      }
      const hover = stageToImage(screenOf(e), store.getState().viewport);
      signals.setState({ hover });
      schedule();
    },
    [schedule, screenOf, signals, store, toPointer],
  );

  const onPointerUp = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      touches.current.delete(e.pointerId);
      if (pinch.current) {
        if (touches.current.size < 2) pinch.current = null;
        return;
      }
      const active = session.current;
      if (!active || active.id !== e.pointerId) return;
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      flush();
      session.current = null;
      apply(active.tool.up(toPointer(e, 0), context()));
    },
    [apply, context, flush, toPointer],
  );

  const onPointerCancel = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      touches.current.delete(e.pointerId);
      if (touches.current.size < 2) pinch.current = null;
      if (session.current?.id === e.pointerId) cancel();
    },
    [cancel],
  );

  const onPointerLeave = useCallback(() => signals.setState({ hover: null }), [signals]);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const size = latest.current.imageSize;
      if (!size) return;
      e.preventDefault();
      const s = store.getState();
      const pinching = e.ctrlKey || e.metaKey;
      const delta = e.deltaMode === 1 ? e.deltaY * 40 : e.deltaY;
      s.setViewport(wheelZoom(s.viewport, delta, pinching, screenOf(e), zoomLimits(size, latest.current.viewSize)));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [containerRef, screenOf, store]);

  useEffect(() => {
    const setSpace = (held: boolean) => {
      space.current = held;
      if (!session.current) signals.setState({ panning: held ? "ready" : null });
    };
    const down = (e: KeyboardEvent) => {
      if (e.code !== "Space" || isTypingTarget(e.target as HTMLElement | null)) return;
      // Space would otherwise scroll or press the focused button.
      e.preventDefault();
      if (!e.repeat) setSpace(true);
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === "Space") setSpace(false);
    };
    const blur = () => setSpace(false);
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    window.addEventListener("blur", blur);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
      window.removeEventListener("blur", blur);
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [signals]);

  return {
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onPointerLeave },
    cancel,
  };
}
