"use client";

import { ChevronDown } from "lucide-react";
import { MODEL_NAMES, type ModelName } from "@/lib/recipe/schema";
import { requirementText } from "@/lib/text/capability-text";
import type { OptionState } from "@/lib/editor/settings-logic";
import { useTranslator } from "@/lib/browser/use-translator";

type ModelSelectProps = {
  value: ModelName;
  optionState: (model: ModelName) => OptionState;
  onChange: (model: ModelName) => void;
  labelId: string;
};

/**
 * All eight models in the browser's own select (keyboard, screen readers and touch for free, and no
 * listbox code in the first load); those the content rules out stay listed, disabled, with the reason.
 */
export function ModelSelect({ value, optionState, onChange, labelId }: ModelSelectProps) {
  const tr = useTranslator();
  return (
    <div className="relative">
      <select
        aria-labelledby={labelId}
        value={value}
        onChange={(event) => onChange(event.target.value as ModelName)}
        className="w-full cursor-pointer appearance-none rounded-md border border-neutral-800 bg-neutral-950 py-1.5 pr-8 pl-2.5 text-xs text-neutral-100 outline-none hover:border-neutral-600 focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        {MODEL_NAMES.map((model) => {
          const state = optionState(model);
          const reason = state.blockedBy ? requirementText(state.blockedBy, tr) : null;
          return (
            <option key={model} value={model} disabled={state.disabled && model !== value} className="bg-neutral-900 text-neutral-100 disabled:text-neutral-500">
              {reason ? `${model} — ${reason}` : model}
            </option>
          );
        })}
      </select>
      <ChevronDown className="pointer-events-none absolute top-1/2 right-2.5 size-3.5 -translate-y-1/2 text-neutral-400" aria-hidden />
    </div>
  );
}
