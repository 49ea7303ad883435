"use client";

import { ChevronDown, ChevronUp, Code, ListVideo } from "lucide-react";
import { useTranslations } from "next-intl";
import { Tabs } from "radix-ui";
import { useDeferredValue, useMemo } from "react";
import { toRecipe } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";
import { DockResizer } from "./dock-resizer";
import { RequestView } from "./panels/request-view";
import { useDockSize } from "./use-dock-size";
import { useEditor } from "./store-context";
import { TaskList } from "@/components/tasks/task-list";

export type DockTab = "tasks" | "request";

type Props = {
  tab: DockTab;
  open: boolean;
  onTab: (tab: DockTab) => void;
  onOpenChange: (open: boolean) => void;
  onEditAndRetry: (recipe: Recipe) => void;
};

const tabClass =
  "flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs text-neutral-400 outline-none hover:text-neutral-100 focus-visible:ring-2 focus-visible:ring-sky-400 data-[state=active]:bg-neutral-800 data-[state=active]:text-neutral-50";

const panelClass = "min-h-0 flex-1 overflow-y-auto px-3 pb-3 outline-none";

/**
 * Output below the canvas: the tasks of this session and the exact request Generate would send. Its
 * height is the creator's (drag or keys on its top edge, remembered); a finished video fits inside it.
 */
export function BottomDock({ tab, open, onTab, onOpenChange, onEditAndRetry }: Props) {
  const t = useTranslations("dock");
  // Deferred: a drag changes the document every frame; the panels may lag a frame behind the canvas.
  const doc = useDeferredValue(useEditor((s) => s.doc));
  const taskIds = useEditor((s) => s.taskIds);
  const recipe = useMemo(() => toRecipe(doc), [doc]);
  const size = useDockSize();
  return (
    <Tabs.Root
      value={tab}
      onValueChange={(value) => {
        onTab(value as DockTab);
        onOpenChange(true);
      }}
      className="relative flex shrink-0 flex-col border-t border-neutral-800 bg-neutral-925"
      style={open ? { height: size.height } : undefined}
    >
      {open && <DockResizer {...size} />}
      <div className="flex h-9 shrink-0 items-center gap-1 px-2">
        <Tabs.List aria-label={t("output")} className="flex items-center gap-1">
          <Tabs.Trigger value="tasks" className={tabClass} onClick={() => tab === "tasks" && onOpenChange(!open)}>
            <ListVideo className="size-3.5" aria-hidden />
            {t("tasks")}
            {taskIds.length > 0 && <span className="rounded-full bg-neutral-700 px-1.5 text-[10px] tabular-nums text-neutral-200">{taskIds.length}</span>}
          </Tabs.Trigger>
          <Tabs.Trigger value="request" className={tabClass} onClick={() => tab === "request" && onOpenChange(!open)}>
            <Code className="size-3.5" aria-hidden />
            {t("request")}
          </Tabs.Trigger>
        </Tabs.List>
        <button
          type="button"
          aria-label={open ? t("collapse") : t("expand")}
          aria-expanded={open}
          onClick={() => onOpenChange(!open)}
          className="ml-auto rounded-md p-1 text-neutral-400 outline-none hover:bg-neutral-800 hover:text-neutral-100 focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          {open ? <ChevronDown className="size-4" aria-hidden /> : <ChevronUp className="size-4" aria-hidden />}
        </button>
      </div>
      {/* The active panel stays in the DOM while collapsed (empty, hidden), so its tab's aria-controls
          always points at something; its content mounts only when open. */}
      <Tabs.Content value="tasks" className={open ? panelClass : "hidden"}>
        {open && <TaskList taskIds={taskIds} onEditAndRetry={onEditAndRetry} startFrameUrl={doc.frames.start?.url ?? null} />}
      </Tabs.Content>
      <Tabs.Content value="request" className={open ? panelClass : "hidden"}>
        {open && <RequestView recipe={recipe} frames={doc.frames} />}
      </Tabs.Content>
    </Tabs.Root>
  );
}
