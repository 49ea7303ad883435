"use client";

import { ChevronDown, ChevronUp, Code, ListVideo } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from "react";
import { toRecipe } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";
import { DockResizer } from "./dock-resizer";
import { useDockSize } from "./use-dock-size";
import { useEditor } from "./store-context";

// Both panels mount only while the dock is open: their code (players, JSON view) loads then.
const TaskList = dynamic(() => import("@/components/tasks/task-list").then((m) => m.TaskList), { ssr: false });
const RequestView = dynamic(() => import("./panels/request-view").then((m) => m.RequestView), { ssr: false });

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

const TABS: readonly DockTab[] = ["tasks", "request"];

/**
 * Output below the canvas: the tasks of this session and the exact request Generate would send. Its
 * height is the creator's (drag or keys on its top edge, remembered); a finished video fits inside it.
 * The tabs follow the WAI-ARIA tabs pattern by hand (one tab in the Tab order, arrows and Home/End
 * move and select): Radix Tabs cost ~9 kB gzipped of first-load JavaScript for two tabs.
 */
export function BottomDock({ tab, open, onTab, onOpenChange, onEditAndRetry }: Props) {
  const t = useTranslations("dock");
  // Deferred: a drag changes the document every frame; the panels may lag a frame behind the canvas.
  const doc = useDeferredValue(useEditor((s) => s.doc));
  const taskIds = useEditor((s) => s.taskIds);
  const recipe = useMemo(() => toRecipe(doc), [doc]);
  const size = useDockSize();
  const ids = useId();
  const tabRefs = useRef<Partial<Record<DockTab, HTMLButtonElement | null>>>({});
  const tabId = (value: DockTab) => `${ids}-tab-${value}`;
  const panelId = (value: DockTab) => `${ids}-panel-${value}`;

  const show = (value: DockTab) => {
    onTab(value);
    onOpenChange(true);
  };
  // Choosing a tab shows it; choosing the shown one again folds the dock away or back.
  const choose = (value: DockTab) => (value === tab ? onOpenChange(!open) : show(value));
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1 + TABS.length, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const value = TABS[next % TABS.length]!;
    tabRefs.current[value]?.focus();
    if (value !== tab) show(value);
  };
  const trigger = (value: DockTab, children: ReactNode) => (
    <button
      ref={(node) => void (tabRefs.current[value] = node)}
      type="button"
      role="tab"
      id={tabId(value)}
      aria-selected={tab === value}
      aria-controls={panelId(value)}
      data-state={tab === value ? "active" : "inactive"}
      tabIndex={tab === value ? 0 : -1}
      className={tabClass}
      onClick={() => choose(value)}
    >
      {children}
    </button>
  );

  return (
    <div className="relative flex shrink-0 flex-col border-t border-neutral-800 bg-neutral-925" style={open ? { height: size.height } : undefined}>
      {open && <DockResizer {...size} />}
      <div className="flex h-9 shrink-0 items-center gap-1 px-2">
        <div role="tablist" aria-label={t("output")} className="flex items-center gap-1" onKeyDown={onKeyDown}>
          {trigger(
            "tasks",
            <>
              <ListVideo className="size-3.5" aria-hidden />
              {t("tasks")}
              {taskIds.length > 0 && <span className="rounded-full bg-neutral-700 px-1.5 text-[10px] tabular-nums text-neutral-200">{taskIds.length}</span>}
            </>,
          )}
          {trigger(
            "request",
            <>
              <Code className="size-3.5" aria-hidden />
              {t("request")}
            </>,
          )}
        </div>
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
      {/* Only the active panel is in the DOM, and it stays while collapsed (empty, hidden), so its tab's
          aria-controls always points at something; its content mounts only when open. */}
      <div key={tab} role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} tabIndex={0} className={open ? panelClass : "hidden"}>
        {open && tab === "tasks" && <TaskList taskIds={taskIds} onEditAndRetry={onEditAndRetry} startFrameUrl={doc.frames.start?.url ?? null} />}
        {open && tab === "request" && <RequestView recipe={recipe} frames={doc.frames} />}
      </div>
    </div>
  );
}
