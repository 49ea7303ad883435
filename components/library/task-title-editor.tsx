"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { toast } from "@/lib/browser/toast";
import { useSWRConfig } from "swr";
import { Check, Loader2, Pencil, X } from "lucide-react";
import { ApiError } from "@/lib/browser/api";
import { renameTask } from "@/lib/browser/library-api";
import type { Task } from "@/lib/tasks/public-task";
import { apiErrorText } from "@/lib/text/server-text";
import { useTranslator } from "@/lib/browser/use-translator";
import { displayTitle, TITLE_MAX } from "@/lib/library/task-title";
import { useEscapeFirst } from "@/components/ui/use-escape-first";

const iconButton =
  "rounded-md p-1 text-neutral-400 outline-none hover:bg-neutral-800 hover:text-neutral-100 focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-40";

/**
 * The dialog's title, renamed in place: Enter saves, Escape cancels (without closing the dialog). The
 * saved task goes into the shared cache entry, so the tile behind the dialog shows the new title too.
 */
export function TaskTitleEditor({ task }: { task: Task }) {
  const t = useTranslations("library");
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { mutate } = useSWRConfig();
  const tr = useTranslator();
  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  useEscapeFirst(draft !== null, cancel);

  const save = async (title: string) => {
    setSaving(true);
    try {
      const renamed = await renameTask(task.id, title);
      await mutate(["library-task", task.id], renamed, { revalidate: false });
      cancel();
      toast.success(t("rename.saved"));
    } catch (failure) {
      setError(failure instanceof ApiError ? apiErrorText(failure, tr) : (failure as Error).message);
    } finally {
      setSaving(false);
    }
  };

  if (draft === null) {
    return (
      <div className="flex items-start gap-1">
        <Dialog.Title className={`line-clamp-2 text-base font-semibold ${task.title.trim() ? "text-neutral-50" : "italic text-neutral-400"}`}>
          {displayTitle(task, t("untitled"))}
        </Dialog.Title>
        <button type="button" aria-label={t("rename.button")} title={t("rename.button")} className={iconButton} onClick={() => setDraft(task.title)}>
          <Pencil className="size-3.5" aria-hidden />
        </button>
      </div>
    );
  }

  return (
    <form
      className="space-y-1"
      onSubmit={(event) => {
        event.preventDefault();
        void save(draft);
      }}
    >
      {/* The dialog keeps an accessible name while its visible title is being edited. */}
      <Dialog.Title className="sr-only">{displayTitle(task, t("untitled"))}</Dialog.Title>
      <div className="flex items-center gap-1">
        <input
          autoFocus
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          aria-label={t("rename.label")}
          aria-invalid={error !== null}
          aria-describedby={error ? "task-title-error" : "task-title-hint"}
          maxLength={TITLE_MAX + 20}
          className="h-8 min-w-0 flex-1 rounded-md border border-neutral-700 bg-neutral-950 px-2 text-sm text-neutral-50 outline-none focus-visible:border-sky-400 aria-invalid:border-red-400"
        />
        <button type="submit" aria-label={t("rename.save")} title={t("rename.save")} className={iconButton} disabled={saving}>
          {saving ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <Check className="size-4" aria-hidden />}
        </button>
        <button type="button" aria-label={t("rename.cancel")} title={t("rename.cancel")} className={iconButton} onClick={cancel}>
          <X className="size-4" aria-hidden />
        </button>
      </div>
      {error ? (
        <p id="task-title-error" role="alert" className="text-xs text-red-300">
          {error}
        </p>
      ) : (
        <p id="task-title-hint" className="text-xs text-neutral-500">
          {t("rename.hint", { max: TITLE_MAX })}
        </p>
      )}
    </form>
  );
}
