import "server-only";
import type { Kysely, SelectQueryBuilder } from "kysely";
import type { Scope, Viewer } from "../access/viewer";
import { scrubSecrets } from "../logger";
import type { Database, TaskRow } from "../storage/db";
import type { TaskFilter, TaskSample } from "./task-store";

/** A task as its creator inserts it: the owner comes from the viewer, never from the caller. */
export type NewTaskRow = Omit<TaskRow, "owner_id" | "version">;
export type OwnedTaskStore = ReturnType<typeof createOwnedTaskStore>;

/**
 * One viewer's tasks. Every query carries the owner condition here, below the services and routes, so a
 * forgotten check cannot reach another user's row: it simply is not there (404, as for a missing one).
 * `scope: "all"` (the owner's) drops the condition; a member asking for it keeps their own.
 */
export function createOwnedTaskStore(db: Kysely<Database>, viewer: Viewer, scope: Scope) {
  const everyone = scope === "all" && viewer.role === "owner";
  function scoped<O>(query: SelectQueryBuilder<Database, "tasks", O>): SelectQueryBuilder<Database, "tasks", O> {
    return everyone ? query : query.where("tasks.owner_id", "=", viewer.userId);
  }
  return {
    viewer,
    async insert(row: NewTaskRow): Promise<void> {
      await db.insertInto("tasks").values({ ...row, status_message: scrubSecrets(row.status_message), owner_id: viewer.userId, version: 0 }).execute();
    },
    async get(id: string): Promise<TaskRow | null> {
      return (await scoped(db.selectFrom("tasks").selectAll()).where("id", "=", id).executeTakeFirst()) ?? null;
    },
    /** Newest first; the cursor is the last row's `created_at|id`. */
    async list(limit: number, cursor?: { createdAt: string; id: string }, filter: TaskFilter = {}): Promise<TaskRow[]> {
      let query = scoped(db.selectFrom("tasks").selectAll()).orderBy("created_at", "desc").orderBy("id", "desc").limit(limit);
      if (filter.statuses?.length) query = query.where("status", "in", filter.statuses);
      if (filter.provider) query = query.where("provider", "=", filter.provider);
      if (cursor) {
        query = query.where((eb) =>
          eb.or([eb("created_at", "<", cursor.createdAt), eb.and([eb("created_at", "=", cursor.createdAt), eb("id", "<", cursor.id)])]),
        );
      }
      return query.execute();
    },
    /** The most recently finished successful tasks of one provider, for estimates. */
    async listSucceeded(provider: string, limit: number): Promise<TaskSample[]> {
      return scoped(db.selectFrom("tasks").select(["recipe_json", "created_at", "submitted_at", "finished_at", "units"]))
        .where("status", "=", "succeed")
        .where("provider", "=", provider)
        .orderBy("finished_at", "desc")
        .limit(limit)
        .execute();
    },
    /** Deletes a visible task and its share links (rows first: files are the caller's); false when there is none. */
    async delete(id: string): Promise<boolean> {
      if (!(await this.get(id))) return false;
      await db.deleteFrom("shares").where("task_id", "=", id).execute();
      await db.deleteFrom("tasks").where("id", "=", id).execute();
      return true;
    },
  };
}
