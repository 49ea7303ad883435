"use client";

import { useEffect, useState, type RefObject } from "react";
import { NO_INSETS, sameInsets, type Insets } from "@/lib/editor/viewport";

/**
 * How far the floating controls over the canvas reach in from the top and the bottom, measured from
 * the elements marked `data-overlay="top" | "bottom"` inside `root`, so the fit keeps the image clear
 * of them. Re-measured whenever one of them or the canvas area changes size.
 */
export function useOverlayInsets(root: RefObject<HTMLElement | null>, active: boolean): Insets {
  const [insets, setInsets] = useState<Insets>(NO_INSETS);
  useEffect(() => {
    const area = root.current;
    if (!area || !active) return;
    const overlays = [...area.querySelectorAll<HTMLElement>("[data-overlay]")];
    const measure = () => {
      const box = area.getBoundingClientRect();
      const next = { ...NO_INSETS };
      for (const el of overlays) {
        const r = el.getBoundingClientRect();
        if (r.height === 0) continue;
        if (el.dataset.overlay === "top") next.top = Math.max(next.top, Math.ceil(r.bottom - box.top));
        else next.bottom = Math.max(next.bottom, Math.ceil(box.bottom - r.top));
      }
      setInsets((prev) => (sameInsets(prev, next) ? prev : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(area);
    overlays.forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [root, active]);
  return insets;
}
