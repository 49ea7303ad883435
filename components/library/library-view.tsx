"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { toast } from "@/lib/browser/toast";
import { Clapperboard, Loader2 } from "lucide-react";
import { primaryButton, secondaryButton } from "@/components/share/button-styles";
import type { LibraryFilter } from "@/lib/tasks/library-filter";
import type { Task } from "@/lib/tasks/public-task";
import { TaskDialog } from "./task-dialog";
import { TaskTile } from "./task-tile";

type Page = { tasks: Task[]; nextCursor: string | null };
type Props = { initial: Page; filter: LibraryFilter; loadMore: (filter: LibraryFilter, cursor: string) => Promise<Page> };

/** The grid of tasks with cursor pagination ("Load more") and the task dialog. */
export function LibraryView({ initial, filter, loadMore }: Props) {
  const [tasks, setTasks] = useState(initial.tasks);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [open, setOpen] = useState<Task | null>(null);
  const [pending, startTransition] = useTransition();
  const filtered = Boolean(filter.status || filter.provider || filter.q);
  const t = useTranslations("library");

  const more = () =>
    startTransition(async () => {
      if (!cursor) return;
      try {
        const page = await loadMore(filter, cursor);
        // A task may shift pages when new ones arrive; never show it twice.
        setTasks((current) => [...current, ...page.tasks.filter((task) => !current.some((known) => known.id === task.id))]);
        setCursor(page.nextCursor);
      } catch {
        toast.error(t("loadMoreFailed"));
      }
    });

  if (tasks.length === 0) {
    return (
      <div className="flex flex-col items-center rounded-xl border border-dashed border-neutral-800 px-6 py-20 text-center">
        <Clapperboard className="size-8 text-neutral-600" aria-hidden />
        <p className="mt-4 text-sm font-medium text-neutral-200">{filtered ? t("emptyFiltered") : t("empty")}</p>
        <p className="mt-1 text-sm text-neutral-500">{filtered ? t("emptyFilteredHint") : t("emptyHint")}</p>
        <Link href={filtered ? "/library" : "/"} className={`${primaryButton} mt-6`}>
          {filtered ? t("showAll") : t("openEditor")}
        </Link>
      </div>
    );
  }

  return (
    <>
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" aria-label={t("list")}>
        {tasks.map((task) => (
          <TaskTile key={task.id} initial={task} onOpen={setOpen} />
        ))}
      </ul>
      {cursor && (
        <div className="mt-8 flex justify-center">
          <button type="button" onClick={more} disabled={pending} className={secondaryButton}>
            {pending && <Loader2 className="size-4 animate-spin" aria-hidden />}
            {t("loadMore")}
          </button>
        </div>
      )}
      <TaskDialog
        task={open}
        onClose={() => setOpen(null)}
        onDeleted={(id) => {
          setOpen(null);
          setTasks((current) => current.filter((task) => task.id !== id));
        }}
      />
    </>
  );
}
