"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { paintTarget, targetColor, targetKey, targetOptions, type PaintTarget } from "@/lib/editor/target";
import { useEditor, useEditorShallow } from "./store-context";
import { useTargetName } from "./target-name";

const valueOf = (target: PaintTarget) => (target.kind === "region" ? `region-${target.index}` : target.kind);

function targetOf(value: string): PaintTarget {
  if (value === "static" || value === "new") return { kind: value };
  return { kind: "region", index: Number(value.slice("region-".length)) };
}

/**
 * The paint target, always in view in the tool strip: one chip per mask in its colour, numbered by
 * its key (0 static, 1–6 regions, the next number a new region), the chosen one named in words.
 */
export function TargetPicker() {
  const t = useTranslations("targets");
  const name = useTargetName();
  const doc = useEditor((s) => s.doc);
  const tool = useEditor((s) => s.tool);
  const target = useEditorShallow(paintTarget);
  const labelId = useId();
  const setTarget = useEditor((s) => s.setTarget);
  const options = targetOptions(doc, tool);
  const chosen = options.some((o) => valueOf(o) === valueOf(target)) ? valueOf(target) : "";
  const label = tool === "eraser" ? t("labelFor.eraser") : t("labelFor.other");
  return (
    <div className="flex shrink-0 items-center gap-1.5">
      <span className="text-neutral-500" id={labelId}>
        {label}
      </span>
      {/* The browser's own radio buttons, drawn as chips: arrow keys move the target, as in any radio group. */}
      <div role="radiogroup" aria-labelledby={labelId} className="flex items-center gap-0.5" data-testid="target-picker">
        {options.map((option) => {
          const key = targetKey(doc, option);
          const color = targetColor(doc, option);
          const value = valueOf(option);
          const optionName = t("option", { name: name(doc, option), key: String(key) });
          return (
            <label
              key={value}
              title={optionName}
              className="relative flex h-6 min-w-6 cursor-pointer items-center justify-center rounded-md border border-transparent px-1 font-mono text-[11px] font-semibold text-neutral-950 hover:border-neutral-500 has-[:checked]:border-white has-[:checked]:ring-1 has-[:checked]:ring-white/60 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-400"
              style={
                option.kind === "new"
                  ? { border: `1px dashed ${color}`, color, background: "transparent" }
                  : option.kind === "static"
                    ? { background: `repeating-linear-gradient(135deg, ${color} 0 4px, #64748b 4px 6px)` }
                    : { background: color }
              }
            >
              <input
                type="radio"
                name={labelId}
                value={value}
                checked={value === chosen}
                onChange={() => setTarget(targetOf(value))}
                aria-label={optionName}
                className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0"
              />
              {option.kind === "new" ? <Plus className="size-3" aria-hidden /> : key}
            </label>
          );
        })}
      </div>
      <span className="max-w-40 truncate font-medium text-neutral-100" aria-live="polite" data-testid="target-name">
        {name(doc, target)}
      </span>
    </div>
  );
}
