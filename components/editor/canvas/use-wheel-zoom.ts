"use client";

import { useEffect, useRef, type RefObject } from "react";
import { zoomAt } from "@/lib/geometry/transform";
import type { Size, StagePoint, Viewport } from "@/lib/geometry/types";
import type { EditorStore } from "@/lib/editor/store";
import { easeZoom, wheelFactor, wheelPixels, zoomLimits } from "@/lib/editor/viewport";

type Latest = { imageSize: Size | null; viewSize: Size };

/**
 * Wheel zoom around the cursor. A mouse wheel's notches are eased over a few frames towards a target
 * scale (each notch adds to it), so the zoom glides instead of jumping; a trackpad pinch (ctrl+wheel,
 * many small deltas) is already continuous and applies at once. Any other viewport change (fit, pan)
 * stops an easing zoom.
 */
export function useWheelZoom(
  store: EditorStore,
  containerRef: RefObject<HTMLDivElement | null>,
  screenOf: (e: { clientX: number; clientY: number }) => StagePoint,
  latest: RefObject<Latest>,
) {
  const ease = useRef<{ scale: number; anchor: StagePoint; frame: number; last: Viewport } | null>(null);
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const stop = () => {
      if (ease.current) cancelAnimationFrame(ease.current.frame);
      ease.current = null;
    };
    const step = () => {
      const running = ease.current;
      const size = latest.current.imageSize;
      const s = store.getState();
      if (!running || !size || s.viewport !== running.last) return stop();
      const next = easeZoom(s.viewport, running.scale, running.anchor, zoomLimits(size, latest.current.viewSize));
      s.setViewport(next.viewport);
      running.last = next.viewport;
      if (next.done) ease.current = null;
      else running.frame = requestAnimationFrame(step);
    };
    const onWheel = (e: WheelEvent) => {
      const size = latest.current.imageSize;
      if (!size) return;
      e.preventDefault();
      const s = store.getState();
      const pinch = e.ctrlKey || e.metaKey;
      const factor = wheelFactor(wheelPixels(e.deltaY, e.deltaMode, latest.current.viewSize.height), pinch);
      const limits = zoomLimits(size, latest.current.viewSize);
      const anchor = screenOf(e);
      if (pinch) {
        stop();
        return s.setViewport(zoomAt(s.viewport, factor, anchor, limits));
      }
      // A notch during an easing zoom adds to where it was heading, not to where it is now.
      const base = ease.current && ease.current.last === s.viewport ? ease.current.scale : s.viewport.scale;
      const scale = Math.min(limits.max, Math.max(limits.min, base * factor));
      if (ease.current) cancelAnimationFrame(ease.current.frame);
      ease.current = { scale, anchor, last: s.viewport, frame: requestAnimationFrame(step) };
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      el.removeEventListener("wheel", onWheel);
      stop();
    };
  }, [containerRef, latest, screenOf, store]);
}
