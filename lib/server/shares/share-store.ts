import "server-only";
import type { Kysely } from "kysely";
import type { Scope, Viewer } from "../access/viewer";
import type { Database, ShareRow } from "../storage/db";

/** The only code that reads or writes share rows. A share belongs to whoever owns its task. */
export type ShareStore = ReturnType<typeof createShareStore>;
export type OwnedShareStore = ReturnType<ShareStore["forViewer"]>;

export function createShareStore(db: Kysely<Database>) {
  return {
    /** For the public pages and their media: a slug is the permission, whoever asks. */
    system: {
      /** A live (not revoked) share by its slug. */
      async findActive(slug: string): Promise<ShareRow | null> {
        return (await db.selectFrom("shares").selectAll().where("slug", "=", slug).where("revoked_at", "is", null).executeTakeFirst()) ?? null;
      },
    },

    /** One viewer's shares: every statement is limited to shares of tasks the viewer may see. */
    forViewer(viewer: Viewer, scope: Scope = "own") {
      const everyone = scope === "all" && viewer.role === "owner";
      const visibleTasks = db.selectFrom("tasks").select("id").$if(!everyone, (query) => query.where("owner_id", "=", viewer.userId));
      return {
        /** Inserts a link to a task the viewer may see; false (nothing written) for anyone else's. */
        async insert(row: ShareRow): Promise<boolean> {
          if (!(await visibleTasks.where("id", "=", row.task_id).executeTakeFirst())) return false;
          await db.insertInto("shares").values(row).execute();
          return true;
        },
        /** Live shares of one task, newest first. */
        async listActiveByTask(taskId: string): Promise<ShareRow[]> {
          return db
            .selectFrom("shares")
            .selectAll()
            .where("task_id", "=", taskId)
            .where("task_id", "in", visibleTasks)
            .where("revoked_at", "is", null)
            .orderBy("created_at", "desc")
            .execute();
        },
        async setShowPrompt(slug: string, showPrompt: boolean): Promise<void> {
          await db.updateTable("shares").set({ show_prompt: showPrompt ? 1 : 0 }).where("slug", "=", slug).where("task_id", "in", visibleTasks).execute();
        },
        /** Marks a live share revoked; false when the viewer had none to revoke. */
        async revoke(slug: string): Promise<boolean> {
          const result = await db
            .updateTable("shares")
            .set({ revoked_at: new Date().toISOString() })
            .where("slug", "=", slug)
            .where("revoked_at", "is", null)
            .where("task_id", "in", visibleTasks)
            .executeTakeFirst();
          return result.numUpdatedRows > BigInt(0);
        },
      };
    },
  };
}
