import "server-only";
import type { Kysely } from "kysely";
import { createSpendStore } from "../spend/spend-store";
import type { Database } from "../storage/db";

export type Budget = { monthlyUnits: number | null; usedUnits: number; reservedUnits: number; periodStart: string };

export type BudgetStore = ReturnType<typeof createBudgetStore>;

/** Monthly unit budgets per user (null = unlimited); what each has spent comes from the spend ledger. */
export function createBudgetStore(db: Kysely<Database>) {
  const spend = createSpendStore(db);
  return {
    async get(userId: string, now = new Date()): Promise<Budget> {
      const row = await db.selectFrom("budgets").select("monthly_units").where("user_id", "=", userId).executeTakeFirst();
      return { monthlyUnits: row?.monthly_units ?? null, ...(await spend.usage(userId, now)) };
    },
    async set(userId: string, monthlyUnits: number | null): Promise<void> {
      const updated_at = new Date().toISOString();
      await db
        .insertInto("budgets")
        .values({ user_id: userId, monthly_units: monthlyUnits, updated_at })
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ monthly_units: monthlyUnits, updated_at }))
        .execute();
    },
  };
}
