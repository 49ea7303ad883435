"use client";

import { Maximize, Minus, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { shortcutLabel } from "@/lib/editor/actions";
import { zoomPercent } from "@/lib/editor/viewport";
import { IconButton } from "@/components/ui/icon-button";
import { Tip } from "@/components/ui/tooltip";
import type { CanvasController } from "./canvas/canvas-controller";
import { useEditor } from "./store-context";
import { useIsApple } from "./use-platform";

export function ZoomControls({ controller }: { controller: RefObject<CanvasController | null> }) {
  const t = useTranslations("zoom");
  const percent = useEditor((s) => zoomPercent(s.viewport));
  const apple = useIsApple();
  return (
    <div role="group" aria-label={t("group")} className="pointer-events-auto flex items-center gap-0.5 rounded-lg border border-neutral-800 bg-neutral-900/90 p-0.5 shadow-lg shadow-black/30 backdrop-blur">
      <IconButton size="sm" label={t("out")} shortcut={shortcutLabel("zoom:out", apple)} tooltipSide="top" onClick={() => controller.current?.zoomOut()}>
        <Minus className="size-3.5" aria-hidden />
      </IconButton>
      <Tip label={t("actual")} shortcut={shortcutLabel("zoom:actual", apple)} side="top">
        <button
          type="button"
          aria-label={t("actualNow", { percent: String(percent) })}
          onClick={() => controller.current?.actualSize()}
          className="h-7 w-14 rounded-md font-mono text-xs tabular-nums text-neutral-200 outline-none hover:bg-neutral-800 focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          {percent}%
        </button>
      </Tip>
      <IconButton size="sm" label={t("in")} shortcut={shortcutLabel("zoom:in", apple)} tooltipSide="top" onClick={() => controller.current?.zoomIn()}>
        <Plus className="size-3.5" aria-hidden />
      </IconButton>
      <IconButton size="sm" label={t("fit")} shortcut={shortcutLabel("zoom:fit", apple)} tooltipSide="top" onClick={() => controller.current?.fit()}>
        <Maximize className="size-3.5" aria-hidden />
      </IconButton>
    </div>
  );
}
