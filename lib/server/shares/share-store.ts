import "server-only";
import type { Kysely } from "kysely";
import type { Database, ShareRow } from "../storage/db";

/** The only code that reads or writes share rows. */
export type ShareStore = ReturnType<typeof createShareStore>;

export function createShareStore(db: Kysely<Database>) {
  return {
    async insert(row: ShareRow): Promise<void> {
      await db.insertInto("shares").values(row).execute();
    },
    /** A live (not revoked) share by its slug. */
    async findActive(slug: string): Promise<ShareRow | null> {
      return (await db.selectFrom("shares").selectAll().where("slug", "=", slug).where("revoked_at", "is", null).executeTakeFirst()) ?? null;
    },
    /** Live shares of one task, newest first. */
    async listActiveByTask(taskId: string): Promise<ShareRow[]> {
      return db.selectFrom("shares").selectAll().where("task_id", "=", taskId).where("revoked_at", "is", null).orderBy("created_at", "desc").execute();
    },
    async setShowPrompt(slug: string, showPrompt: boolean): Promise<void> {
      await db.updateTable("shares").set({ show_prompt: showPrompt ? 1 : 0 }).where("slug", "=", slug).execute();
    },
    /** Marks a live share revoked; false when there was none to revoke. */
    async revoke(slug: string): Promise<boolean> {
      const result = await db.updateTable("shares").set({ revoked_at: new Date().toISOString() }).where("slug", "=", slug).where("revoked_at", "is", null).executeTakeFirst();
      return result.numUpdatedRows > BigInt(0);
    },
    async deleteByTask(taskId: string): Promise<void> {
      await db.deleteFrom("shares").where("task_id", "=", taskId).execute();
    },
  };
}
