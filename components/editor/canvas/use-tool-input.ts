"use client";

import { useCallback, useEffect, useMemo, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import type { StagePoint } from "@/lib/geometry/types";
import type { EditorStore } from "@/lib/editor/store";
import { createToolSession } from "@/lib/editor/tools";
import type { ToolSession, ToolStep } from "@/lib/editor/tools/session";
import type { ToolId, ToolPointer } from "@/lib/editor/tools/types";
import type { CanvasSignalStore } from "./canvas-signals";
import { useToolContext, type Latest } from "./use-tool-context";

/**
 * The active tool's gesture: painting (brushes, lasso, smart select), trajectory editing and the hand
 * all run as one tool session per pointer. Moves are queued and fed to the tool once per animation
 * frame (with the browser's coalesced events, so fast strokes keep their shape); `afterFlush` lets the
 * caller do its own per-frame work (the pinch) in the same frame.
 */
export function useToolInput(
  store: EditorStore,
  signals: CanvasSignalStore,
  screenOf: (e: { clientX: number; clientY: number }) => StagePoint,
  latest: RefObject<Latest>,
  afterFlush: () => void,
) {
  const session = useRef<{ id: number; tool: ToolSession } | null>(null);
  const queue = useRef<ToolPointer[]>([]);
  const frame = useRef<number | null>(null);

  const { context, toPointer } = useToolContext(store, screenOf, latest);

  const apply = useCallback(
    (step: ToolStep, spaceHeld: boolean) => {
      store.getState().applyEffects(step.effects);
      for (const effect of step.effects) if (effect.type === "notice") latest.current.onNotice(effect.message);
      signals.setState({ preview: step.preview });
      if (!step.active && signals.getState().panning === "active") signals.setState({ panning: spaceHeld ? "ready" : null });
    },
    [latest, signals, store],
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
    afterFlush();
  }, [afterFlush, context, signals, store]);

  const schedule = useCallback(() => {
    if (frame.current === null) frame.current = requestAnimationFrame(flush);
  }, [flush]);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const cancel = useCallback(
    (spaceHeld = false) => {
      queue.current = [];
      const active = session.current;
      session.current = null;
      if (active) apply(active.tool.cancel(), spaceHeld);
    },
    [apply],
  );

  /** Starts `toolId` for this pointer (the hand when panning); `button` as the tool should see it. */
  const begin = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>, toolId: ToolId, button: number, spaceHeld: boolean) => {
      if (session.current) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      const tool = createToolSession(toolId);
      session.current = { id: e.pointerId, tool };
      if (toolId === "hand") signals.setState({ panning: "active" });
      apply(tool.down(toPointer(e, button), context()), spaceHeld);
      if (!tool.active) session.current = null;
    },
    [apply, context, signals, toPointer],
  );

  const move = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      const active = session.current;
      if (!active || active.id !== e.pointerId) return;
      const native = e.nativeEvent;
      const events = typeof native.getCoalescedEvents === "function" ? native.getCoalescedEvents() : [];
      for (const c of events.length > 0 ? events : [native]) queue.current.push(toPointer(c, 0));
    },
    [toPointer],
  );

  const end = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>, spaceHeld: boolean) => {
      const active = session.current;
      if (!active || active.id !== e.pointerId) return;
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      flush();
      session.current = null;
      apply(active.tool.up(toPointer(e, 0), context()), spaceHeld);
    },
    [apply, context, flush, toPointer],
  );

  const owns = useCallback((pointerId: number) => session.current?.id === pointerId, []);
  const busy = useCallback(() => session.current !== null, []);

  return useMemo(() => ({ begin, move, end, cancel, schedule, owns, busy }), [begin, move, end, cancel, schedule, owns, busy]);
}
