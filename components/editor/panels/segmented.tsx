"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { RadioGroup } from "radix-ui";

export type SegmentOption<T extends string> = { value: T; label: string; hint?: string; reason?: string | null };

type SegmentedProps<T extends string> = {
  label: string;
  value: T;
  options: readonly SegmentOption<T>[];
  onChange: (value: T) => void;
};

/**
 * A labelled row of mutually exclusive choices. A disabled choice keeps its reason both in the
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
      <RadioGroup.Root
        aria-labelledby={`${id}-label`}
        value={value}
        onValueChange={(next) => onChange(next as T)}
        orientation="horizontal"
        className="flex rounded-md border border-neutral-800 bg-neutral-950 p-0.5"
      >
        {options.map((option) => (
          <RadioGroup.Item
            key={option.value}
            value={option.value}
            disabled={Boolean(option.reason) && option.value !== value}
            aria-describedby={option.reason ? `${id}-${option.value}` : undefined}
            title={option.reason ?? option.hint}
            className="flex-1 rounded px-2 py-1 text-xs text-neutral-300 outline-none hover:text-neutral-50 focus-visible:ring-2 focus-visible:ring-sky-400 disabled:cursor-not-allowed disabled:text-neutral-600 data-[state=checked]:bg-neutral-800 data-[state=checked]:text-neutral-50 data-[state=checked]:shadow-sm"
          >
            {option.label}
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
      {blocked.map((option) => (
        <p key={option.value} id={`${id}-${option.value}`} className="mt-1 text-[11px] leading-snug text-neutral-500">
          {t.rich("labelled", { label: option.label, text: option.reason ?? "", name: (chunks) => <span className="text-neutral-400">{chunks}</span> })}
        </p>
      ))}
    </div>
  );
}
