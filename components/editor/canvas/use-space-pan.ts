"use client";

import { useEffect, useRef, type RefObject } from "react";
import { isTypingTarget } from "@/lib/editor/actions";
import type { CanvasSignalStore } from "./canvas-signals";

/**
 * Space held turns the next drag into a pan with the hand. `busy` says whether a gesture is running:
 * then the cursor keeps its state until the gesture ends. Returns whether Space is held now.
 */
export function useSpacePan(signals: CanvasSignalStore, busy: () => boolean): RefObject<boolean> {
  const held = useRef(false);
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
  });
  useEffect(() => {
    const set = (down: boolean) => {
      held.current = down;
      if (!busyRef.current()) signals.setState({ panning: down ? "ready" : null });
    };
    const down = (e: KeyboardEvent) => {
      if (e.code !== "Space" || isTypingTarget(e.target as HTMLElement | null)) return;
      // Space would otherwise scroll or press the focused button.
      e.preventDefault();
      if (!e.repeat) set(true);
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === "Space") set(false);
    };
    const blur = () => set(false);
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    window.addEventListener("blur", blur);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
      window.removeEventListener("blur", blur);
    };
  }, [signals]);
  return held;
}
