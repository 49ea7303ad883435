"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import { clampDock, dockHeightForKey, type DockBounds } from "@/lib/player/dock-size";

type Props = { height: number; bounds: DockBounds; preview: (height: number | null) => void; commit: (height: number) => void };

/**
 * The dock's top edge as a WAI-ARIA window splitter: drag it (pointer capture, so the drag survives
 * leaving the thin strip), or focus it and use the arrow keys, Home and End. The value is the dock's
 * height in pixels.
 */
export function DockResizer({ height, bounds, preview, commit }: Props) {
  const t = useTranslations("dock");
  const drag = useRef<{ startY: number; startHeight: number; last: number } | null>(null);
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={t("resize")}
      aria-valuenow={height}
      aria-valuemin={bounds.min}
      aria-valuemax={bounds.max}
      aria-valuetext={t("resizeValue", { height })}
      tabIndex={0}
      className="group absolute inset-x-0 -top-1 z-20 flex h-2 cursor-row-resize touch-none items-center justify-center outline-none"
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { startY: event.clientY, startHeight: height, last: height };
      }}
      onPointerMove={(event) => {
        const current = drag.current;
        if (!current) return;
        current.last = clampDock(current.startHeight + current.startY - event.clientY, bounds);
        preview(current.last);
      }}
      onPointerUp={() => {
        if (drag.current) commit(drag.current.last);
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
        preview(null);
      }}
      onKeyDown={(event) => {
        const next = dockHeightForKey(event.key, event.shiftKey, height, bounds);
        if (next === null) return;
        event.preventDefault();
        commit(next);
      }}
    >
      <span className="h-0.5 w-full bg-transparent transition-colors group-hover:bg-sky-400/60 group-focus-visible:bg-sky-400" aria-hidden />
    </div>
  );
}
