"use client";

import { Anchor, Brush, Eraser, Hand, Lasso, Spline, WandSparkles, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { shortcutLabel, toolLabelKey } from "@/lib/editor/actions";
import type { ToolId } from "@/lib/editor/tools/types";
import { IconButton } from "@/components/ui/icon-button";
import { useEditor } from "./store-context";
import { useIsApple } from "./use-platform";

const ICONS: Record<ToolId, LucideIcon> = {
  "static-brush": Anchor,
  "dynamic-brush": Brush,
  eraser: Eraser,
  lasso: Lasso,
  "smart-select": WandSparkles,
  trajectory: Spline,
  hand: Hand,
};

/** Groups separated by a rule: painting, selecting, motion, view. */
const GROUPS: ToolId[][] = [["static-brush", "dynamic-brush", "eraser"], ["lasso", "smart-select"], ["trajectory"], ["hand"]];

export function Toolbar() {
  const tool = useEditor((s) => s.tool);
  const setTool = useEditor((s) => s.setTool);
  const apple = useIsApple();
  const t = useTranslations();
  return (
    <nav aria-label={t("editor.toolbar")} className="flex flex-col items-center gap-1 border-r border-neutral-800 bg-neutral-925 px-1.5 py-2">
      {GROUPS.map((group, g) => (
        <div key={g} className="flex flex-col items-center gap-1">
          {g > 0 && <div className="my-1 h-px w-6 bg-neutral-800" aria-hidden />}
          {group.map((id) => {
            const Icon = ICONS[id];
            return (
              <IconButton
                key={id}
                label={t(toolLabelKey(id))}
                shortcut={shortcutLabel(`tool:${id}`, apple)}
                pressed={tool === id}
                tooltipSide="right"
                onClick={() => setTool(id)}
              >
                <Icon className="size-[18px]" aria-hidden />
              </IconButton>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
