"use client";

import { Dialog } from "radix-ui";
import { Coins, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEstimate } from "@/components/library/use-estimate";
import { remainingUnits, type AccountBudget } from "@/lib/browser/account-api";
import type { Recipe } from "@/lib/recipe/schema";
import { estimateUnits } from "@/lib/spend/unit-table";

type SpendConfirmDialogProps = {
  open: boolean;
  recipe: Recipe;
  /** The account's month, or null where accounts do not exist (then no remaining budget is shown). */
  budget: AccountBudget | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * "This run uses about N units; you have M left": asked before every paid (Kling) run. The estimate is
 * the one the server reserves: the assumed table refined by the user's own history (/api/estimates).
 */
export function SpendConfirmDialog({ open, recipe, budget, onConfirm, onCancel }: SpendConfirmDialogProps) {
  const t = useTranslations("generate");
  const tc = useTranslations("common");
  const key = { model: recipe.model, mode: recipe.mode, duration: recipe.duration };
  const { data: history, isLoading } = useEstimate(open ? { ...key, provider: "kling" } : null);
  const estimate = isLoading ? null : estimateUnits(key, history ?? null);
  const remaining = budget ? remainingUnits(budget) : null;
  const over = estimate !== null && remaining !== null && estimate.units > remaining;

  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/70 backdrop-blur-sm" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(420px,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-neutral-800 bg-neutral-900 p-5 text-neutral-100 shadow-2xl focus:outline-none">
          <div className="mb-3 flex items-start justify-between gap-4">
            <Dialog.Title className="flex items-center gap-2 text-sm font-semibold">
              <Coins className="size-4 text-amber-300" aria-hidden />
              {t("confirmTitle")}
            </Dialog.Title>
            <Dialog.Close className="rounded p-1 text-neutral-400 hover:bg-neutral-800 hover:text-neutral-100" aria-label={tc("close")}>
              <X className="size-4" />
            </Dialog.Close>
          </div>
          <Dialog.Description asChild>
            <div className="space-y-1.5 text-sm text-neutral-300" aria-live="polite">
              {estimate ? (
                <>
                  <p className="font-medium text-neutral-100">{t("confirmUnits", { units: String(estimate.units) })}</p>
                  <p className="text-xs text-neutral-500">{estimate.source === "history" ? t("confirmFromHistory") : t("confirmFromTable")}</p>
                </>
              ) : (
                <p>{t("confirmEstimating")}</p>
              )}
              {budget && budget.monthlyUnits !== null && remaining !== null && (
                <p>{t("confirmRemaining", { remaining: String(remaining), budget: String(budget.monthlyUnits) })}</p>
              )}
              {over && <p className="text-amber-300">{t("confirmOver")}</p>}
            </div>
          </Dialog.Description>
          <div className="mt-4 flex justify-end gap-2">
            <Dialog.Close className="rounded-md px-3 py-1.5 text-sm text-neutral-300 hover:bg-neutral-800">{tc("cancel")}</Dialog.Close>
            <button
              type="button"
              onClick={onConfirm}
              disabled={!estimate}
              className="rounded-md bg-sky-500 px-3 py-1.5 text-sm font-semibold text-neutral-950 hover:bg-sky-400 disabled:cursor-not-allowed disabled:bg-neutral-700 disabled:text-neutral-400"
            >
              {t("confirmGo")}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
