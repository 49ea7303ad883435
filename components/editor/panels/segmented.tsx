"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

export type SegmentOption<T extends string> = { value: T; label: string; hint?: string; reason?: string | null };

type SegmentedProps<T extends string> = {
  label: string;
  value: T;
  options: readonly SegmentOption<T>[];
  onChange: (value: T) => void;
};

/**
 * A labelled row of mutually exclusive choices: the browser's own radio buttons (arrow keys move the
 * choice, as everywhere), drawn as segments. A disabled choice keeps its reason both in the
 * accessibility tree (aria-describedby) and on screen, so nobody has to guess why it is greyed out.
 */
export function Segmented<T extends string>({ label, value, options, onChange }: SegmentedProps<T>) {
  const t = useTranslations("common");
  const id = useId();
  const blocked = options.filter((o) => o.reason);
  return (
    <div>
      <div id={`${id}-label`} className="mb-1 text-xs font-medium text-neutral-300">
        {label}
      </div>
      <div role="radiogroup" aria-labelledby={`${id}-label`} className="flex rounded-md border border-neutral-800 bg-neutral-950 p-0.5">
        {options.map((option) => {
          const disabled = Boolean(option.reason) && option.value !== value;
          return (
            <label
              key={option.value}
              title={option.reason ?? option.hint}
              className={`relative flex-1 rounded px-2 py-1 text-center text-xs has-[:checked]:bg-neutral-800 has-[:checked]:text-neutral-50 has-[:checked]:shadow-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-400 ${disabled ? "cursor-not-allowed text-neutral-600" : "cursor-pointer text-neutral-300 hover:text-neutral-50"}`}
            >
              <input
                type="radio"
                name={id}
                value={option.value}
                checked={option.value === value}
                disabled={disabled}
                onChange={() => onChange(option.value)}
                aria-describedby={option.reason ? `${id}-${option.value}` : undefined}
                className="absolute inset-0 size-full cursor-[inherit] appearance-none opacity-0"
              />
              {option.label}
            </label>
          );
        })}
      </div>
      {blocked.map((option) => (
        <p key={option.value} id={`${id}-${option.value}`} className="mt-1 text-[11px] leading-snug text-neutral-500">
          {t.rich("labelled", { label: option.label, text: option.reason ?? "", name: (chunks) => <span className="text-neutral-400">{chunks}</span> })}
        </p>
      ))}
    </div>
  );
}
