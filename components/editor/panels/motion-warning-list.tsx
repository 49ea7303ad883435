"use client";

import { useTranslator } from "@/lib/browser/use-translator";
import type { MotionWarning } from "@/lib/motion/warnings";
import { motionWarningText } from "@/lib/text/motion-warning-text";

export type MotionWarningListProps = { id: string; warnings: MotionWarning[] };

/** Numbered motion warnings, each matching the marker of the same number on the canvas. */
export function MotionWarningList({ id, warnings }: MotionWarningListProps) {
  const tr = useTranslator();
  return (
    <div id={id} data-testid="motion-warnings" className="rounded-md border border-amber-500/30 bg-amber-500/5 p-2 text-xs">
      <p className="mb-1 font-medium text-amber-200">{tr.t("motionWarnings.heading")}</p>
      <ol className="space-y-1 text-neutral-300">
        {warnings.map((warning, i) => (
          <li key={`${warning.kind}-${warning.region}-${i}`} className="flex items-start gap-1.5">
            {/* The same number as the marker on the canvas. */}
            <span aria-label={tr.t("motionWarnings.marker", { n: i + 1 })} className="mt-px inline-flex size-4 shrink-0 items-center justify-center rounded-full bg-amber-500 text-[10px] font-bold text-neutral-950">
              {i + 1}
            </span>
            <span>{motionWarningText(warning, tr)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
