import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "../storage/db";
import { createBudgetStore, type Budget } from "./budget-store";
import { toRole, type Role } from "@/lib/auth/roles";

export type Member = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  activeSessions: number;
  budget: Budget;
};

export type Members = ReturnType<typeof createMembers>;

/** The owner's view of every account: list, disable, budget, sign out. */
export function createMembers(db: Kysely<Database>) {
  const budgets = createBudgetStore(db);

  async function signOutEverywhere(id: string): Promise<void> {
    await db.deleteFrom("session").where("userId", "=", id).execute();
  }

  return {
    signOutEverywhere,
    async get(id: string): Promise<{ id: string; role: Role } | null> {
      const row = await db.selectFrom("user").select(["id", "role"]).where("id", "=", id).executeTakeFirst();
      return row ? { id: row.id, role: toRole(row.role) } : null;
    },
    async list(now = new Date()): Promise<Member[]> {
      const at = now.toISOString();
      const rows = await db
        .selectFrom("user")
        .select(["id", "email", "name", "role", "disabledAt", "createdAt"])
        .select((eb) =>
          eb
            .selectFrom("session")
            .select(sql<number>`count(*)`.as("n"))
            .whereRef("session.userId", "=", "user.id")
            .where("session.expiresAt", ">", at)
            .as("activeSessions"),
        )
        .orderBy("createdAt", "asc")
        .execute();
      return Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          email: row.email,
          name: row.name,
          role: toRole(row.role),
          disabled: Boolean(row.disabledAt),
          createdAt: row.createdAt,
          activeSessions: Number(row.activeSessions ?? 0),
          budget: await budgets.get(row.id, now),
        })),
      );
    },
    /** Disabling also ends the member's sessions and API keys stop working (the caller check refuses them). */
    async setDisabled(id: string, disabled: boolean): Promise<void> {
      await db.updateTable("user").set({ disabledAt: disabled ? new Date().toISOString() : null }).where("id", "=", id).execute();
      if (disabled) await signOutEverywhere(id);
    },
    setMonthlyUnits: (id: string, monthlyUnits: number | null) => budgets.set(id, monthlyUnits),
  };
}
