import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../storage/db";

export type Budget = { monthlyUnits: number | null; usedUnits: number; reservedUnits: number; periodStart: string };

export type BudgetStore = ReturnType<typeof createBudgetStore>;

/** Budgets run per calendar month in UTC. */
export function periodStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Monthly unit budgets per user (null = unlimited) and what each has spent of it. */
export function createBudgetStore(db: Kysely<Database>) {
  /**
   * Units spent (finished paid tasks) and reserved (paid tasks still running) since `from`.
   * Tasks carry no owner yet, so nothing is attributed to anyone; the task ledger will fill this in.
   */
  async function usage(userId: string, from: Date): Promise<{ usedUnits: number; reservedUnits: number }> {
    void userId;
    void from;
    return { usedUnits: 0, reservedUnits: 0 };
  }

  return {
    usage,
    async get(userId: string, now = new Date()): Promise<Budget> {
      const row = await db.selectFrom("budgets").select("monthly_units").where("user_id", "=", userId).executeTakeFirst();
      const start = periodStart(now);
      return { monthlyUnits: row?.monthly_units ?? null, ...(await usage(userId, start)), periodStart: start.toISOString() };
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
