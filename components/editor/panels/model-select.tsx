"use client";

import { Select } from "radix-ui";
import { Check, ChevronDown } from "lucide-react";
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

/** All eight models; those the content rules out stay listed, disabled, with the reason under the name. */
export function ModelSelect({ value, optionState, onChange, labelId }: ModelSelectProps) {
  const tr = useTranslator();
  return (
    <Select.Root value={value} onValueChange={(next) => onChange(next as ModelName)}>
      <Select.Trigger
        aria-labelledby={labelId}
        className="flex w-full items-center justify-between rounded-md border border-neutral-800 bg-neutral-950 px-2.5 py-1.5 text-left text-xs text-neutral-100 outline-none hover:border-neutral-600 focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        <Select.Value />
        <Select.Icon>
          <ChevronDown className="size-3.5 text-neutral-400" aria-hidden />
        </Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content
          position="popper"
          sideOffset={4}
          className="z-50 max-h-[var(--radix-select-content-available-height)] w-[var(--radix-select-trigger-width)] min-w-64 overflow-hidden rounded-md border border-neutral-800 bg-neutral-900 text-neutral-100 shadow-xl"
        >
          <Select.Viewport className="p-1">
            {MODEL_NAMES.map((model) => {
              const state = optionState(model);
              return (
                <Select.Item
                  key={model}
                  value={model}
                  disabled={state.disabled && model !== value}
                  className="relative flex cursor-default flex-col rounded px-2 py-1.5 pl-6 text-xs outline-none select-none data-[disabled]:cursor-not-allowed data-[disabled]:text-neutral-500 data-[highlighted]:bg-neutral-800"
                >
                  <Select.ItemIndicator className="absolute top-2 left-1.5">
                    <Check className="size-3" aria-hidden />
                  </Select.ItemIndicator>
                  <Select.ItemText>{model}</Select.ItemText>
                  {state.blockedBy && <span className="mt-0.5 text-[11px] leading-snug text-neutral-500">{requirementText(state.blockedBy, tr)}</span>}
                </Select.Item>
              );
            })}
          </Select.Viewport>
        </Select.Content>
      </Select.Portal>
    </Select.Root>
  );
}
