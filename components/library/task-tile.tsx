"use client";

import Image from "next/image";
import { Film, Timer } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { assetUrl } from "@/lib/browser/api";
import { formatSeconds, generationSeconds, taskPosterUrl } from "@/lib/browser/library-api";
import type { Task } from "@/lib/tasks/public-task";
import { useTranslator } from "@/lib/browser/use-translator";
import { StatusBadge } from "./status-badge";
import { displayTitle } from "@/lib/library/task-title";
import { formatCreated } from "./task-format";
import { useLiveTask } from "./use-live-task";

/** The picture a task is known by: its video's poster once there is one, else the frame it started from. */
export function taskPicture(task: Task): string | null {
  if (task.status === "succeed" && task.video) return taskPosterUrl(task.id);
  const frame = task.recipe.startFrame ?? task.recipe.tailFrame;
  return frame ? assetUrl(frame) : null;
}

export function TaskTile({ initial, onOpen }: { initial: Task; onOpen: (task: Task) => void }) {
  const task = useLiveTask(initial);
  const picture = taskPicture(task);
  const generated = generationSeconds(task);
  const t = useTranslations();
  const tr = useTranslator();
  const locale = useLocale();
  const title = displayTitle(task, t("library.untitled"));
  const { model, mode, duration } = task.recipe;
  return (
    <li>
      <button
        type="button"
        onClick={() => onOpen(task)}
        aria-label={t("library.openTask", { title, status: t(`library.statusWord.${task.status}`) })}
        className="group block w-full overflow-hidden rounded-xl border border-neutral-800 bg-neutral-900/60 text-left outline-none transition-colors hover:border-neutral-600 hover:bg-neutral-900 focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        <div className="relative aspect-video overflow-hidden bg-neutral-950">
          {picture ? (
            <Image
              src={picture}
              alt=""
              fill
              unoptimized
              sizes="(min-width: 1024px) 25vw, (min-width: 640px) 50vw, 100vw"
              className={`object-cover transition-transform duration-300 group-hover:scale-[1.03] ${task.status === "succeed" ? "" : "opacity-60 saturate-50"}`}
            />
          ) : (
            <Film className="absolute left-1/2 top-1/2 size-8 -translate-x-1/2 -translate-y-1/2 text-neutral-700" aria-hidden />
          )}
          <StatusBadge status={task.status} overImage className="absolute left-2 top-2" />
          <span className="absolute bottom-2 right-2 rounded-md bg-black/70 px-1.5 py-0.5 text-[11px] font-medium tabular-nums text-neutral-100">{t("units.seconds", { seconds: duration })}</span>
        </div>
        <div className="space-y-1 p-3">
          <p className={`truncate text-sm ${task.title.trim() ? "text-neutral-100" : "italic text-neutral-500"}`} title={title}>
            {title}
          </p>
          <p className="truncate text-xs text-neutral-400">
            {t(`settings.providers.${task.provider}`)} · {model} · {mode}
          </p>
          <p className="flex items-center justify-between gap-2 text-xs text-neutral-500">
            <time dateTime={task.createdAt} suppressHydrationWarning>
              {formatCreated(task.createdAt, locale)}
            </time>
            {generated !== null && (
              <span className="inline-flex items-center gap-1 tabular-nums" title={t("library.generationTime")}>
                <Timer className="size-3" aria-hidden />
                <span className="sr-only">{t("library.generatedIn")}</span>
                {formatSeconds(generated, tr)}
              </span>
            )}
          </p>
        </div>
      </button>
    </li>
  );
}
