"use client";

import { AlertOctagon, CheckCircle2, Clock, Loader2, Pencil, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { assetUrl } from "@/lib/browser/api";
import { isFinished, type Task } from "@/lib/tasks/public-task";
import { apiErrorText, taskMessageText } from "@/lib/text/server-text";
import {
  elapsedSeconds,
  estimatedProgress,
  failureKindOf,
  formatDuration,
  formatTypical,
  typicalSeconds,
} from "@/lib/text/task-status";
import { useTask } from "@/lib/browser/use-api";
import { refreshAccount } from "@/lib/browser/use-account";
import { refreshEstimates } from "@/components/library/use-estimate";
import { useTranslator } from "@/lib/browser/use-translator";
import type { Recipe } from "@/lib/recipe/schema";
import { ResultPlayer } from "./result-player";
import { useNow } from "./use-now";

export type TaskCardProps = { taskId: string; onEditAndRetry: (recipe: Recipe) => void; startFrameUrl: string | null };

export function TaskCard({ taskId, onEditAndRetry, startFrameUrl }: TaskCardProps) {
  const t = useTranslations("tasks");
  const tr = useTranslator();
  const { data: task, error, mutate } = useTask(taskId);
  // A finished task is new history: the settings' time and cost estimates may move.
  const finished = task?.status === "succeed";
  useEffect(() => {
    if (finished) void refreshEstimates();
  }, [finished]);
  const running = task ? !isFinished(task.status) : true;
  // A paid run that ends is charged or released: the remaining budget by Generate moves.
  const paidEnded = task?.provider === "kling" && !running;
  useEffect(() => {
    if (paidEnded) void refreshAccount();
  }, [paidEnded]);
  const now = useNow(running);

  if (!task) {
    return (
      <article aria-label={t("task", { id: taskId })} aria-busy={!error} className="rounded-lg border border-neutral-800 bg-neutral-900/70 p-3 text-xs">
        {error ? (
          <p role="alert" className="flex items-center justify-between gap-2 text-red-300">
            <span>{t("loadError", { message: apiErrorText(error, tr) })}</span>
            <button type="button" onClick={() => void mutate()} className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 hover:bg-neutral-800">
              <RefreshCw className="size-3" aria-hidden /> {t("retry")}
            </button>
          </p>
        ) : (
          <p className="flex items-center gap-2 text-neutral-400">
            <Loader2 className="size-3.5 animate-spin" aria-hidden /> {t("loading")}
          </p>
        )}
      </article>
    );
  }

  const startUrl = task.recipe.startFrame ? assetUrl(task.recipe.startFrame) : startFrameUrl;
  const retry = isFinished(task.status) ? <RetryButton onClick={() => onEditAndRetry(task.recipe)} /> : null;

  if (task.status === "succeed" && task.video) {
    // A finished card fills the dock's height, the video on the left sized by the dock, its facts beside it.
    return (
      <article aria-label={t("task", { id: taskId })} data-fill className="flex h-full min-h-0 gap-3 rounded-lg border border-neutral-800 bg-neutral-900/70 p-2 text-xs shadow-sm">
        <div className="min-h-0 min-w-0 flex-1">
          <ResultPlayer task={{ ...task, video: task.video }} startFrameUrl={startUrl} layout="fill" />
        </div>
        <div className="flex w-52 shrink-0 flex-col gap-1 overflow-y-auto py-1 pr-1">
          <CardSummary task={task} now={now} running={false} />
          <div className="mt-auto flex justify-end pt-1">{retry}</div>
        </div>
      </article>
    );
  }

  return (
    <article aria-label={t("task", { id: taskId })} aria-busy={running} className="rounded-lg border border-neutral-800 bg-neutral-900/70 p-3 text-xs shadow-sm">
      <CardSummary task={task} now={now} running={running} />
      {task.status === "failed" && <Failure task={task} />}
      {retry && <div className="mt-2 flex justify-end">{retry}</div>}
    </article>
  );
}

/** Status, elapsed time, settings and prompt, and the progress bar while the task runs. */
function CardSummary({ task, now, running }: { task: Task; now: number; running: boolean }) {
  const t = useTranslations("tasks");
  const ts = useTranslations("settings");
  const tr = useTranslator();
  const elapsed = elapsedSeconds(task, now);
  const typical = typicalSeconds(task.provider);
  const { model, mode, duration, prompt } = task.recipe;
  const finished = task.status === "succeed";
  return (
    <>
      <header className="flex flex-wrap items-center justify-between gap-x-2 gap-y-0.5">
        <StatusBadge task={task} />
        <span className="flex items-center gap-1 tabular-nums text-neutral-400" title={t("elapsedTitle")}>
          <Clock className="size-3" aria-hidden />
          <span>
            {formatDuration(elapsed)}
            {running && <span className="text-neutral-500"> · {t("typically", { time: formatTypical(typical, tr) })}</span>}
          </span>
        </span>
      </header>

      <p className={`mt-1 text-neutral-500 ${finished ? "" : "truncate"}`}>
        {ts(`providers.${task.provider}`)} · {model} · {tr.t(`modes.${mode}`)} · {ts("seconds", { seconds: duration })}
        {prompt && !finished ? ` · “${prompt}”` : ""}
      </p>
      {prompt && finished && <p className="line-clamp-4 text-neutral-300">“{prompt}”</p>}

      {running && (
        <div className="mt-2">
          <div className="h-1 overflow-hidden rounded-full bg-neutral-800" aria-hidden>
            <div
              className={`h-full rounded-full ${task.status === "queued" ? "bg-neutral-500" : "bg-sky-400"} transition-[width] duration-1000 ease-linear`}
              style={{ width: `${Math.max(3, estimatedProgress(elapsed, typical) * 100)}%` }}
            />
          </div>
          <p className="mt-1 text-neutral-500">{t(`detail.${task.status}`)}</p>
        </div>
      )}
    </>
  );
}

function RetryButton({ onClick }: { onClick: () => void }) {
  const t = useTranslations("tasks");
  return (
    <button
      type="button"
      onClick={onClick}
      className="inline-flex items-center gap-1 rounded-md border border-neutral-700 px-2 py-1 text-neutral-200 hover:border-neutral-500 hover:bg-neutral-800"
    >
      <Pencil className="size-3" aria-hidden /> {t("editRetry")}
    </button>
  );
}

function StatusBadge({ task }: { task: Task }) {
  const t = useTranslations("tasks");
  const tone =
    task.status === "succeed" ? "text-emerald-300" : task.status === "failed" ? "text-red-300" : task.status === "queued" ? "text-neutral-300" : "text-sky-300";
  const Icon = task.status === "succeed" ? CheckCircle2 : task.status === "failed" ? AlertOctagon : task.status === "queued" ? Clock : Loader2;
  return (
    <span className={`flex items-center gap-1.5 font-medium ${tone}`} role="status" aria-live="polite">
      <Icon className={`size-3.5 ${task.status === "processing" || task.status === "submitted" ? "animate-spin" : ""}`} aria-hidden />
      {t(`status.${task.status}`)}
    </span>
  );
}

function Failure({ task }: { task: Task }) {
  const t = useTranslations("tasks");
  const tr = useTranslator();
  const kind = failureKindOf(task);
  const message = taskMessageText(task, tr);
  return (
    <div role="alert" className="mt-2 rounded-md border border-red-500/30 bg-red-500/10 p-2 text-red-200">
      <p className="font-medium">{t(`failureTitle.${kind}`)}</p>
      {message && <p className="mt-0.5 text-red-200/90">{message}</p>}
      <p className="mt-1 text-red-300/70">{t(`failureAdvice.${kind}`)}</p>
    </div>
  );
}
