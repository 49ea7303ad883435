import "server-only";
import type { Kysely } from "kysely";
import type { Database, InviteRow } from "../storage/db";

export type InviteStore = ReturnType<typeof createInviteStore>;

/** The only code that reads or writes invite rows. */
export function createInviteStore(db: Kysely<Database>) {
  return {
    async insert(row: InviteRow): Promise<void> {
      await db.insertInto("invites").values(row).execute();
    },
    /**
     * Marks a live invite used and returns it, or null when it is unknown, expired or already used.
     * One conditional update, so two sign-ups racing for one link cannot both win.
     */
    async consume(tokenHash: string, now: Date): Promise<InviteRow | null> {
      const at = now.toISOString();
      const result = await db
        .updateTable("invites")
        .set({ used_at: at })
        .where("token_hash", "=", tokenHash)
        .where("used_at", "is", null)
        .where("expires_at", ">", at)
        .executeTakeFirst();
      if (result.numUpdatedRows === BigInt(0)) return null;
      return (await db.selectFrom("invites").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst()) ?? null;
    },
    async findByHash(tokenHash: string): Promise<InviteRow | null> {
      return (await db.selectFrom("invites").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst()) ?? null;
    },
    async setUsedBy(tokenHash: string, userId: string): Promise<void> {
      await db.updateTable("invites").set({ used_by: userId }).where("token_hash", "=", tokenHash).execute();
    },
    /** Unused, unexpired invites, newest first (for the members page). */
    async listPending(now: Date): Promise<InviteRow[]> {
      return db
        .selectFrom("invites")
        .selectAll()
        .where("used_at", "is", null)
        .where("expires_at", ">", now.toISOString())
        .orderBy("created_at", "desc")
        .execute();
    },
    /** Withdraws an unused invite; false when there was none. */
    async revoke(id: string, now: Date): Promise<boolean> {
      const result = await db.updateTable("invites").set({ expires_at: now.toISOString() }).where("id", "=", id).where("used_at", "is", null).executeTakeFirst();
      return result.numUpdatedRows > BigInt(0);
    },
  };
}
