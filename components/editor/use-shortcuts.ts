"use client";

import { useEffect, useRef } from "react";
import { allowedWhileTyping, isTypingTarget, matchAction, type ActionId } from "@/lib/editor/actions";

/** A handler gets the key event for actions bound to several keys (the digit of "target:region"). */
export type ActionHandlers = Partial<Record<ActionId, (e: KeyboardEvent) => void>>;

/**
 * One window key listener for every registered action. Single-key shortcuts are ignored while the
 * user types, and everything but "help" is ignored while a dialog has focus.
 */
export function useShortcuts(handlers: ActionHandlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const id = matchAction(e);
      if (!id) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (isTypingTarget(target) && !allowedWhileTyping(id)) return;
      if (target?.closest("[role=dialog]") && id !== "help") return;
      const handler = ref.current[id];
      if (!handler) return;
      e.preventDefault();
      handler(e);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
