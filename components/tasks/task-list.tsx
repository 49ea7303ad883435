"use client";

import { useTranslations } from "next-intl";
import type { Recipe } from "@/lib/recipe/schema";
import { TaskCard } from "./task-card";

export type TaskListProps = {
  taskIds: string[];
  onEditAndRetry: (recipe: Recipe) => void;
  /** The editor's current start frame, shown beside results when a task's own frame is unknown. */
  startFrameUrl: string | null;
};

/** Every task of this session, newest first; each card follows its own task, so several run at once. */
export function TaskList({ taskIds, onEditAndRetry, startFrameUrl }: TaskListProps) {
  const t = useTranslations("tasks");
  if (taskIds.length === 0) {
    return <p className="px-1 text-xs text-neutral-500">{t("empty")}</p>;
  }
  return (
    // A finished card takes the panel's full height (its video sized by the dock); the others their own.
    <ol aria-label={t("list")} className="h-full space-y-2">
      {taskIds.map((id) => (
        <li key={id} className="[&:has(>[data-fill])]:h-full">
          <TaskCard taskId={id} onEditAndRetry={onEditAndRetry} startFrameUrl={startFrameUrl} />
        </li>
      ))}
    </ol>
  );
}
