"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { MAX_TEXT_LENGTH } from "@/lib/recipe/schema";

type PromptFieldProps = { label: string; value: string; placeholder: string; rows?: number; onChange: (value: string) => void };

/**
 * A prompt textarea with a live `n / 2500` counter. It does not cut text at the limit (a paste would
 * be truncated silently); going over turns the counter red and the Generate list says why.
 */
export function PromptField({ label, value, placeholder, rows = 3, onChange }: PromptFieldProps) {
  const t = useTranslations("settings");
  const id = useId();
  const over = value.length > MAX_TEXT_LENGTH;
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between">
        <label htmlFor={id} className="text-xs font-medium text-neutral-300">
          {label}
        </label>
        <span id={`${id}-count`} className={`text-[11px] tabular-nums ${over ? "font-medium text-red-400" : "text-neutral-500"}`}>
          {value.length} / {MAX_TEXT_LENGTH}
        </span>
      </div>
      <textarea
        id={id}
        rows={rows}
        value={value}
        placeholder={placeholder}
        aria-describedby={`${id}-count`}
        aria-invalid={over || undefined}
        onChange={(e) => onChange(e.target.value)}
        className={`block w-full resize-y rounded-md border bg-neutral-950 px-2.5 py-1.5 text-xs leading-relaxed text-neutral-100 placeholder:text-neutral-600 outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${over ? "border-red-500/70" : "border-neutral-800 hover:border-neutral-600"}`}
      />
      {over && (
        <p className="mt-1 text-[11px] text-red-400" role="alert">
          {t("overLimit", { count: value.length - MAX_TEXT_LENGTH })}
        </p>
      )}
    </div>
  );
}
