"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { toast } from "@/lib/browser/toast";
import { AlertOctagon, Download, Loader2, PencilLine, Trash2, X } from "lucide-react";
import { dangerButton, primaryButton, secondaryButton } from "@/components/share/button-styles";
import { ShareFacts, type Fact } from "@/components/share/share-facts";
import { ResultPlayer } from "@/components/tasks/result-player";
import { ApiError, assetUrl, taskVideoUrl } from "@/lib/browser/api";
import { apiErrorText, taskMessageText } from "@/lib/text/server-text";
import { deleteTask, formatSeconds, formatUnits, generationSeconds } from "@/lib/browser/library-api";
import { isFinished, type Task } from "@/lib/tasks/public-task";
import { useTranslator } from "@/lib/browser/use-translator";
import { ConfirmButton } from "./confirm-button";
import { SharePanel } from "./share-panel";
import { StatusBadge } from "./status-badge";
import { formatCreated } from "./task-format";
import { TaskTitleEditor } from "./task-title-editor";
import { useLiveTask } from "./use-live-task";

type Props = { task: Task | null; onClose: () => void; onDeleted: (id: string) => void };

/** One task, opened from the library: play, download, share, reopen in the editor, delete. */
export function TaskDialog({ task, onClose, onDeleted }: Props) {
  return (
    <Dialog.Root open={task !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        {/* Centred by margins, not a transform: a transform would trap the player's theatre view (position: fixed) inside the dialog. */}
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/70 backdrop-blur-[2px]" />
        <Dialog.Content className="fixed inset-0 z-50 m-auto h-fit max-h-[90vh] w-[min(1040px,calc(100vw-2rem))] overflow-y-auto rounded-xl border border-neutral-800 bg-neutral-900 shadow-2xl shadow-black/60 outline-none">
          {task && <TaskDetail initial={task} onDeleted={onDeleted} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function TaskDetail({ initial, onDeleted }: { initial: Task; onDeleted: (id: string) => void }) {
  const task = useLiveTask(initial);
  const [deleting, setDeleting] = useState(false);
  const finished = isFinished(task.status);
  const generated = generationSeconds(task);
  const { recipe } = task;
  const startUrl = recipe.startFrame ? assetUrl(recipe.startFrame) : null;
  const t = useTranslations();
  const tr = useTranslator();
  const locale = useLocale();
  const fact = (key: string) => t(`library.facts.${key}`);

  const facts: Fact[] = [
    { label: fact("provider"), value: t(`settings.providers.${task.provider}`) },
    { label: fact("model"), value: recipe.model },
    { label: fact("mode"), value: recipe.mode },
    { label: fact("duration"), value: t("units.seconds", { seconds: recipe.duration }) },
    { label: fact("created"), value: formatCreated(task.createdAt, locale, true) },
    { label: fact("generation"), value: generated !== null ? formatSeconds(generated, tr) : finished ? "—" : fact("running") },
  ];
  if (task.unitsCharged !== null && Number.isFinite(Number(task.unitsCharged))) facts.push({ label: fact("units"), value: formatUnits(Number(task.unitsCharged), tr) });
  if (recipe.regions.length > 0) facts.push({ label: fact("regions"), value: String(recipe.regions.length) });
  if (recipe.prompt) facts.push({ label: fact("prompt"), value: recipe.prompt });

  const remove = async () => {
    setDeleting(true);
    try {
      await deleteTask(task.id);
      toast.success(t("library.deleted"));
      onDeleted(task.id);
    } catch (failure) {
      toast.error(failure instanceof ApiError ? apiErrorText(failure, tr) : (failure as Error).message);
      setDeleting(false);
    }
  };

  return (
    <div className="grid gap-0 md:grid-cols-[minmax(0,1.55fr)_minmax(0,1fr)]">
      <div className="flex flex-col justify-center border-b border-neutral-800 bg-neutral-950 p-4 md:border-b-0 md:border-r">
        {task.status === "succeed" && task.video ? (
          <ResultPlayer task={{ ...task, video: task.video }} startFrameUrl={startUrl} />
        ) : task.status === "failed" ? (
          <div role="alert" className="flex aspect-video flex-col items-center justify-center gap-2 rounded-md border border-red-500/30 bg-red-500/5 p-6 text-center">
            <AlertOctagon className="size-6 text-red-300" aria-hidden />
            <p className="text-sm font-medium text-red-200">{t("library.noVideo")}</p>
            {task.statusMessage && <p className="max-w-md text-xs text-red-200/80">{taskMessageText(task, tr)}</p>}
          </div>
        ) : (
          <div className="flex aspect-video flex-col items-center justify-center gap-2 rounded-md border border-neutral-800 bg-neutral-900 text-center" aria-busy>
            <Loader2 className="size-6 animate-spin text-sky-300" aria-hidden />
            <p className="text-sm text-neutral-300">{t(`tasks.detail.${task.status}`)}</p>
          </div>
        )}
      </div>

      <div className="space-y-4 p-5">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0 space-y-1.5">
            <StatusBadge status={task.status} />
            <TaskTitleEditor task={task} />
            <Dialog.Description className="sr-only">{t("library.dialogDescription")}</Dialog.Description>
          </div>
          <Dialog.Close aria-label={t("common.close")} className="rounded-md p-1 text-neutral-400 outline-none hover:bg-neutral-800 hover:text-neutral-100 focus-visible:ring-2 focus-visible:ring-sky-400">
            <X className="size-4" aria-hidden />
          </Dialog.Close>
        </div>

        <ShareFacts facts={facts} />

        <div className="flex flex-wrap gap-2">
          <a href={`/?task=${encodeURIComponent(task.id)}`} className={primaryButton}>
            <PencilLine className="size-4" aria-hidden /> {t("library.openInEditor")}
          </a>
          {task.video && (
            <a href={taskVideoUrl(task.id)} download={`motion-${task.id}.mp4`} className={secondaryButton}>
              <Download className="size-4" aria-hidden /> {t("library.download")}
            </a>
          )}
          <ConfirmButton
            title={t("library.deleteTitle")}
            description={t("library.deleteDescription")}
            confirmLabel={t("library.deleteConfirm")}
            onConfirm={() => void remove()}
            disabled={!finished || deleting}
            triggerClassName={dangerButton}
          >
            <Trash2 className="size-4" aria-hidden /> {t("library.delete")}
          </ConfirmButton>
        </div>
        {!finished && <p className="text-xs text-neutral-500">{t("library.deleteWhenFinished")}</p>}

        {task.status === "succeed" && <SharePanel taskId={task.id} />}
      </div>
    </div>
  );
}
