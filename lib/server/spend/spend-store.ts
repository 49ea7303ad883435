import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/server/storage/db";
import { writeAtomically } from "./busy-retry";
import { periodStart } from "./period";

/** Units are stored as integer hundredths so that sums over a month are exact. */
export const toCenti = (units: number): number => Math.round(units * 100);
export const fromCenti = (centi: number): number => centi / 100;

export type SpendUsage = { usedUnits: number; reservedUnits: number; periodStart: string };

export type ReserveInput = {
  taskId: string;
  userId: string;
  units: number;
  /** The member's monthly budget in units; null = no member budget. */
  monthlyBudget: number | null;
  /** The workspace's monthly total (SPEND_CAP_UNITS_MONTHLY); null = no cap. */
  workspaceCap: number | null;
  now: Date;
};

export type ReserveOutcome =
  | { ok: true; units: number }
  | { ok: false; limit: "member" | "workspace"; units: number; budget: number; spent: number };

export type SpendStore = ReturnType<typeof createSpendStore>;

type Sums = { member: number; workspace: number };

/** The reservations/ledger table (spend_reservations): one row per paid task. */
export function createSpendStore(db: Kysely<Database>) {
  async function sums(userId: string, period: string): Promise<Sums> {
    const row = await db
      .selectFrom("spend_reservations")
      .select([
        sql<number>`coalesce(sum(case when user_id = ${userId} then centi_units end), 0)`.as("member"),
        sql<number>`coalesce(sum(centi_units), 0)`.as("workspace"),
      ])
      .where("period_start", "=", period)
      .where("state", "!=", "released")
      .executeTakeFirstOrThrow();
    return { member: Number(row.member), workspace: Number(row.workspace) };
  }

  return {
    /**
     * Reserves `units` for a task if the member's month (used + reserved + these) stays within
     * `monthlyBudget` AND the workspace's month stays within `workspaceCap`. One INSERT … SELECT … WHERE
     * under writeAtomically's lock (SQLite's write lock, a Postgres advisory lock) taken before the
     * statement reads, so no concurrent reserve, in this process or another, can see the same total and
     * overshoot. Reserving a task that already has a row changes
     * nothing and succeeds (a retried send is not charged twice).
     */
    async reserve(input: ReserveInput): Promise<ReserveOutcome> {
      const period = periodStart(input.now);
      const centi = toCenti(input.units);
      const budget = input.monthlyBudget === null ? null : toCenti(input.monthlyBudget);
      const cap = input.workspaceCap === null ? null : toCenti(input.workspaceCap);
      const at = input.now.toISOString();
      // A limit that is not set is no clause at all (Postgres cannot type a bare `NULL IS NULL` parameter).
      const withinBudget = budget === null ? sql`` : sql`
            AND (
              SELECT coalesce(sum(centi_units), 0) FROM spend_reservations
              WHERE user_id = ${input.userId} AND period_start = ${period} AND state != 'released'
            ) + ${centi} <= ${budget}`;
      const withinCap = cap === null ? sql`` : sql`
            AND (
              SELECT coalesce(sum(centi_units), 0) FROM spend_reservations
              WHERE period_start = ${period} AND state != 'released'
            ) + ${centi} <= ${cap}`;
      const result = await writeAtomically(db, (trx) =>
        sql`
          INSERT INTO spend_reservations (task_id, user_id, state, centi_units, period_start, created_at, updated_at)
          SELECT CAST(${input.taskId} AS TEXT), CAST(${input.userId} AS TEXT), 'reserved', CAST(${centi} AS BIGINT),
            CAST(${period} AS TEXT), CAST(${at} AS TEXT), CAST(${at} AS TEXT)
          WHERE NOT EXISTS (SELECT 1 FROM spend_reservations WHERE task_id = ${input.taskId})${withinBudget}${withinCap}
        `.execute(trx),
      );
      if (Number(result.numAffectedRows ?? 0) === 1) return { ok: true, units: input.units };

      const existing = await db.selectFrom("spend_reservations").select("centi_units").where("task_id", "=", input.taskId).executeTakeFirst();
      if (existing) return { ok: true, units: fromCenti(existing.centi_units) };
      // Refused: say which limit, with the totals as they are now (they may have moved since).
      const now = await sums(input.userId, period);
      if (budget !== null && now.member + centi > budget) {
        return { ok: false, limit: "member", units: input.units, budget: fromCenti(budget), spent: fromCenti(now.member) };
      }
      return { ok: false, limit: "workspace", units: input.units, budget: fromCenti(cap ?? 0), spent: fromCenti(now.workspace) };
    },

    /**
     * Replaces a task's reservation by what it was charged; null keeps the reserved amount as the
     * charge. False when the task reserved nothing.
     */
    async settle(taskId: string, finalUnits: number | null, now: Date): Promise<boolean> {
      const charge = finalUnits === null ? {} : { centi_units: toCenti(finalUnits) };
      const result = await writeAtomically(db, (trx) =>
        trx
          .updateTable("spend_reservations")
          .set({ state: "settled", ...charge, updated_at: now.toISOString() })
          .where("task_id", "=", taskId)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) === 1;
    },

    /** Frees a reservation that was never charged. False when there was no open reservation. */
    async release(taskId: string, now: Date): Promise<boolean> {
      const result = await writeAtomically(db, (trx) =>
        trx
          .updateTable("spend_reservations")
          .set({ state: "released", updated_at: now.toISOString() })
          .where("task_id", "=", taskId)
          .where("state", "=", "reserved")
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) === 1;
    },

    /** The member's month so far: charged units and units held by running tasks. */
    async usage(userId: string, now: Date): Promise<SpendUsage> {
      const period = periodStart(now);
      const row = await db
        .selectFrom("spend_reservations")
        .select([
          sql<number>`coalesce(sum(case when state = 'settled' then centi_units end), 0)`.as("used"),
          sql<number>`coalesce(sum(case when state = 'reserved' then centi_units end), 0)`.as("reserved"),
        ])
        .where("user_id", "=", userId)
        .where("period_start", "=", period)
        .executeTakeFirstOrThrow();
      return { usedUnits: fromCenti(Number(row.used)), reservedUnits: fromCenti(Number(row.reserved)), periodStart: period };
    },
  };
}
