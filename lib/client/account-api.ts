import { z } from "zod";
import { ApiError, requestJson } from "./api";

/**
 * `GET /api/account`: who is signed in and their month's budget. Until accounts exist on a server the
 * route answers 404 (or 401 when signed out); both mean "no account to show", not an error.
 */
export const accountBudgetSchema = z.object({
  /** Null: no monthly limit (owners, unlimited members). */
  monthlyUnits: z.number().nullable(),
  usedUnits: z.number(),
  reservedUnits: z.number(),
  periodStart: z.string(),
});
export type AccountBudget = z.infer<typeof accountBudgetSchema>;

export const accountSchema = z.object({
  user: z.object({ id: z.string().optional(), role: z.string().optional() }).loose(),
  budget: accountBudgetSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const ACCOUNT_PATH = "/api/account";

export async function getAccount(signal?: AbortSignal): Promise<Account | null> {
  try {
    return await requestJson(ACCOUNT_PATH, accountSchema, { signal });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 401)) return null;
    throw error;
  }
}

/** Units still free this month (used and reserved both count); null when there is no limit. */
export function remainingUnits(budget: AccountBudget): number | null {
  if (budget.monthlyUnits === null) return null;
  return Math.max(0, Math.round((budget.monthlyUnits - budget.usedUnits - budget.reservedUnits) * 100) / 100);
}
