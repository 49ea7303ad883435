import "server-only";
import { AppError } from "@/lib/server/app-error";
import { parseUnits } from "@/lib/server/tasks/estimates";
import type { TaskSample } from "@/lib/server/tasks/owned-task-store";
import type { UnitKey } from "@/lib/spend/unit-table";
import type { ReserveOutcome, SpendStore, SpendUsage } from "./spend-store";
import { estimateRunUnits } from "./unit-estimate";

/** "3.5", "2", "0.25": units as people write them, never "3.50" or "2.0". */
export function formatUnits(units: number): string {
  return String(Math.round(units * 100) / 100);
}

/** The 402 a refused reservation answers, its sentence stating the numbers, its detail the same as data. */
export function budgetExceeded(refusal: Extract<ReserveOutcome, { ok: false }>): AppError {
  const left = Math.max(0, refusal.budget - refusal.spent);
  const needs = `This run needs about ${formatUnits(refusal.units)} of ${refusal.limit === "member" ? "your" : "the workspace's"} units`;
  const message =
    refusal.limit === "member"
      ? `${needs}; you have ${formatUnits(left)} of ${formatUnits(refusal.budget)} left this month.`
      : `${needs}; it has ${formatUnits(left)} of its ${formatUnits(refusal.budget)} monthly units left.`;
  return new AppError("budget-exceeded", 402, message, undefined, {
    detail: { limit: refusal.limit, units: refusal.units, remaining: left, budget: refusal.budget },
  });
}

export type ReserveRunInput = {
  taskId: string;
  userId: string;
  /** The recipe's model, mode and duration. */
  key: UnitKey;
  /** The caller's succeeded tasks of this provider, newest first, so the estimate follows their history. */
  history: readonly TaskSample[];
  /** The member's monthly budget (from the account's invite); null for owners and unlimited members. */
  monthlyBudget: number | null;
  now?: Date;
};

export type SpendService = ReturnType<typeof createSpendService>;

/**
 * Spend control for paid (provider "kling") runs. Preview-engine runs cost nothing and go through a
 * rate limit instead (lib/server/limits/rate-policies.ts). The task service calls `reserveRun` before
 * the upstream call and exactly one of `settleRun` / `releaseRun` when the task ends.
 */
export function createSpendService(store: SpendStore, options: { workspaceCap: number | null }) {
  return {
    /**
     * Call BEFORE sending a paid task upstream. Reserves the run's estimated units (assumed table
     * refined by the caller's history) against the member budget and the workspace cap, atomically.
     * Resolves to the units reserved; throws AppError 402 `budget-exceeded` when either limit would be
     * passed, in which case nothing must be sent. Safe to call again for the same task (a resend).
     */
    async reserveRun(input: ReserveRunInput): Promise<{ units: number }> {
      const { units } = estimateRunUnits(input.history, input.key);
      const outcome = await store.reserve({
        taskId: input.taskId,
        userId: input.userId,
        units,
        monthlyBudget: input.monthlyBudget,
        workspaceCap: options.workspaceCap,
        now: input.now ?? new Date(),
      });
      if (!outcome.ok) throw budgetExceeded(outcome);
      return { units: outcome.units };
    },

    /**
     * Call when a paid task SUCCEEDS, with Kling's `final_unit_deduction` (a string). The charge
     * replaces the reservation; an unreadable or missing deduction keeps the reserved estimate as the
     * charge, since the upstream did bill the run.
     */
    async settleRun(taskId: string, finalUnitDeduction: string | null, now: Date = new Date()): Promise<void> {
      await store.settle(taskId, parseUnits(finalUnitDeduction), now);
    },

    /** Call when a paid task FAILS (or is never sent after reserving): its reservation is freed. */
    async releaseRun(taskId: string, now: Date = new Date()): Promise<void> {
      await store.release(taskId, now);
    },

    /** The member's month, as `GET /api/account` reports it under `budget`. */
    usage(userId: string, now: Date = new Date()): Promise<SpendUsage> {
      return store.usage(userId, now);
    },
  };
}
