"use client";

import { AlertTriangle, Wand2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { unsupportedText } from "@/lib/text/capability-text";
import {
  changeText,
  conflictResolutions,
  conflictText,
  describeChanges,
  removalPatch,
  resolutionText,
  type ContentGroup,
} from "@/lib/editor/settings-logic";
import { useTranslator } from "@/lib/browser/use-translator";
import type { Feature, Settings } from "@/lib/kling/capabilities";
import type { Recipe } from "@/lib/recipe/schema";

/**
 * The two notices above the settings: content that Kling cannot combine (the user chooses what to
 * keep), and settings that cannot carry the content (one button makes them compatible).
 */

export function ConflictNotice({ groups, onChange }: { groups: ContentGroup[]; onChange: (patch: Partial<Recipe>) => void }) {
  const t = useTranslations("notices");
  const tr = useTranslator();
  const resolutions = conflictResolutions(groups);
  if (resolutions.length === 0) return null;
  return (
    <section role="alert" aria-label={t("conflictLabel")} className="rounded-md border border-red-500/40 bg-red-500/10 p-2.5 text-xs">
      <p className="flex items-start gap-1.5 text-red-200">
        <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
        {conflictText(groups, tr)}
      </p>
      <div className="mt-2 flex flex-col gap-1">
        {resolutions.map((resolution) => (
          <button
            key={resolution.keep}
            type="button"
            onClick={() => onChange(removalPatch(resolution.remove))}
            className="rounded border border-red-400/30 bg-neutral-950/60 px-2 py-1 text-left text-red-100 hover:border-red-300/60 hover:bg-neutral-950"
          >
            {resolutionText(resolution, tr)}
          </button>
        ))}
      </div>
    </section>
  );
}

type CompatibilityNoticeProps = {
  /** The features the current settings cannot carry. */
  issues: Feature[];
  current: Settings;
  target: Settings | null;
  onApply: (settings: Settings) => void;
};

export function CompatibilityNotice({ issues, current, target, onApply }: CompatibilityNoticeProps) {
  const t = useTranslations("notices");
  const tr = useTranslator();
  if (issues.length === 0) return null;
  const changes = target ? describeChanges(current, target).map((change) => changeText(change, tr)) : [];
  return (
    <section aria-label={t("compatLabel")} className="rounded-md border border-amber-500/40 bg-amber-500/10 p-2.5 text-xs">
      <ul className="space-y-1 text-amber-100">
        {issues.map((feature) => (
          <li key={feature} className="flex items-start gap-1.5">
            <AlertTriangle className="mt-0.5 size-3.5 shrink-0 text-amber-300" aria-hidden />
            {unsupportedText(feature, current, tr)}
          </li>
        ))}
      </ul>
      {target ? (
        <button
          type="button"
          onClick={() => onApply(target)}
          aria-describedby={undefined}
          className="mt-2 inline-flex w-full items-center justify-center gap-1.5 rounded-md bg-amber-400 px-2 py-1.5 font-medium text-neutral-950 hover:bg-amber-300"
        >
          <Wand2 className="size-3.5" aria-hidden />
          {t("makeCompatible")}
        </button>
      ) : (
        <p className="mt-2 text-amber-200">{t("noCompatible")}</p>
      )}
      {changes.length > 0 && <p className="mt-1 text-center text-[11px] text-amber-200/80">{changes.join(" · ")}</p>}
    </section>
  );
}
