"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Task } from "@/lib/tasks/public-task";
import { displayTitle } from "@/lib/library/task-title";

const SHORT_TIME: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };

type Props = { takes: Task[]; value: string | null; onChange: (id: string | null) => void };

/** Chooses another take of the same shot to play beside this one, in step. */
export function TakePicker({ takes, value, onChange }: Props) {
  const t = useTranslations("player");
  const untitled = useTranslations("library")("untitled");
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale, SHORT_TIME);
  return (
    <select
      aria-label={t("compareTake")}
      title={t("compareTake")}
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value || null)}
      className="h-7 min-w-0 max-w-40 shrink rounded-md border border-neutral-700 bg-neutral-900 px-1.5 text-[11px] text-neutral-200 outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
    >
      <option value="">{t("noTake")}</option>
      {takes.map((take) => (
        <option key={take.id} value={take.id}>
          {t("takeOption", { title: displayTitle(take, untitled), time: format.format(Date.parse(take.createdAt)) })}
        </option>
      ))}
    </select>
  );
}
