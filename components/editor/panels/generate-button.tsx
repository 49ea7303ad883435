"use client";

import dynamic from "next/dynamic";
import { useEffect, useId, useMemo, useRef } from "react";
import { AlertOctagon, Coins, Loader2, Sparkles, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { remainingUnits } from "@/lib/browser/account-api";
import { motionWarnings } from "@/lib/motion/warnings";
import { apiErrorText } from "@/lib/text/server-text";
import { useAccount } from "@/lib/browser/use-account";
import { useTranslator } from "@/lib/browser/use-translator";
import type { Frames } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";
import { IssueList } from "./issue-list";
import { MotionWarningList } from "./motion-warning-list";
import { clearSubmitError, onTaskSubmitted, useSubmit } from "./use-submit";

// Only a paid run asks for confirmation; most sessions never open it.
const SpendConfirmDialog = dynamic(() => import("./spend-confirm-dialog").then((m) => m.SpendConfirmDialog), { ssr: false });

export type GenerateButtonProps = { recipe: Recipe; frames: Frames; onSubmitted: (taskId: string) => void };

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Generate, disabled while the recipe breaks a rule, with the list of what is missing next to it
 * (and as its accessible description). A 422 from the server is shown with the field it names; the
 * document is untouched, so the user fixes it and presses Generate again. Below it, the month's
 * remaining units when the account has a budget; a paid run is confirmed in a dialog first.
 */
export function GenerateButton({ recipe, frames, onSubmitted }: GenerateButtonProps) {
  const t = useTranslations("generate");
  const tr = useTranslator();
  const id = useId();
  const { submit, confirm, cancel, confirming, pending, issues, error, canSubmit } = useSubmit(recipe, frames);
  const frame = frames.start ?? frames.tail;
  const warnings = useMemo(() => (frame ? motionWarnings(recipe, { width: frame.width, height: frame.height }) : []), [recipe, frame]);
  // Null data (no accounts on this server yet) or a failed fetch: nothing is shown.
  const { data: account } = useAccount();
  const budget = account?.budget ?? null;
  const remaining = budget ? remainingUnits(budget) : null;

  const onSubmittedRef = useRef(onSubmitted);
  useEffect(() => {
    onSubmittedRef.current = onSubmitted;
  }, [onSubmitted]);
  useEffect(() => onTaskSubmitted((taskId) => onSubmittedRef.current(taskId)), []);

  const describedBy = [issues.length > 0 ? `${id}-issues` : null, warnings.length > 0 ? `${id}-warnings` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => void submit()}
        disabled={!canSubmit}
        aria-describedby={describedBy}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-gradient-to-b from-sky-400 to-sky-500 px-4 py-2 text-sm font-semibold text-neutral-950 shadow-[inset_0_1px_0_rgba(255,255,255,0.35)] hover:from-sky-300 hover:to-sky-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 disabled:cursor-not-allowed disabled:from-neutral-700 disabled:to-neutral-700 disabled:text-neutral-400 disabled:shadow-none"
      >
        {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <Sparkles className="size-4" aria-hidden />}
        {t("button")}
        <kbd className="ml-1 rounded bg-black/15 px-1 font-sans text-[10px] font-medium" aria-hidden suppressHydrationWarning>
          {isMac() ? "⌘↵" : "Ctrl ↵"}
        </kbd>
      </button>

      {budget && budget.monthlyUnits !== null && remaining !== null && (
        <p className="flex items-center justify-center gap-1.5 text-xs text-neutral-400" data-testid="budget-left">
          <Coins className="size-3 text-amber-300/80" aria-hidden />
          {t("budgetLeft", { remaining: String(remaining), budget: String(budget.monthlyUnits) })}
        </p>
      )}

      {confirming && <SpendConfirmDialog open={confirming} recipe={recipe} budget={budget} onConfirm={() => void confirm()} onCancel={cancel} />}

      {issues.length > 0 && <IssueList id={`${id}-issues`} issues={issues} />}

      {warnings.length > 0 && <MotionWarningList id={`${id}-warnings`} warnings={warnings} />}

      {error && (
        <div id={`${id}-error`} role="alert" className="flex items-start gap-1.5 rounded-md border border-red-500/40 bg-red-500/10 p-2 text-xs text-red-200">
          <AlertOctagon className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          <p className="flex-1">
            <span className="font-medium">{error.status === 422 ? t("refused") : t("notSent")}</span> {apiErrorText(error, tr)}
            {/* "Fix it and generate again" misleads when the month's units, not the document, are short. */}
            {error.code !== "budget-exceeded" && <span className="block text-red-300/70">{t("unchanged")}</span>}
          </p>
          <button type="button" aria-label={t("dismiss")} onClick={clearSubmitError} className="rounded p-0.5 text-red-300 hover:bg-red-500/20">
            <X className="size-3.5" aria-hidden />
          </button>
        </div>
      )}
    </div>
  );
}
