import "server-only";
import type { Kysely, Updateable } from "kysely";
import { createShareStore } from "../shares/share-store";
import type { Database, TaskRow } from "../storage/db";

export type TaskStatus = "queued" | "submitted" | "processing" | "succeed" | "failed";
export const UNFINISHED: TaskStatus[] = ["queued", "submitted", "processing"];
export const isFinished = (status: string) => status === "succeed" || status === "failed";

export type TaskPatch = Omit<Updateable<TaskRow>, "id" | "created_at">;
/** Narrows a listing; absent fields do not filter. */
export type TaskFilter = { statuses?: TaskStatus[]; provider?: string };
/** What an estimate needs from a finished task. */
export type TaskSample = Pick<TaskRow, "recipe_json" | "created_at" | "submitted_at" | "finished_at" | "units">;

/** The only code that reads or writes task rows. */
export type TaskStore = ReturnType<typeof createTaskStore>;

export function createTaskStore(db: Kysely<Database>) {
  return {
    async insert(row: TaskRow): Promise<void> {
      await db.insertInto("tasks").values(row).execute();
    },
    async get(id: string): Promise<TaskRow | null> {
      return (await db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
    },
    async findByCallbackToken(token: string): Promise<TaskRow | null> {
      return (await db.selectFrom("tasks").selectAll().where("callback_token", "=", token).executeTakeFirst()) ?? null;
    },
    async update(id: string, patch: TaskPatch): Promise<TaskRow | null> {
      await db.updateTable("tasks").set({ ...patch, updated_at: patch.updated_at ?? new Date().toISOString() }).where("id", "=", id).execute();
      return this.get(id);
    },
    /** Newest first; the cursor is the last row's `created_at|id`. */
    async list(limit: number, cursor?: { createdAt: string; id: string }, filter: TaskFilter = {}): Promise<TaskRow[]> {
      let query = db.selectFrom("tasks").selectAll().orderBy("created_at", "desc").orderBy("id", "desc").limit(limit);
      if (filter.statuses?.length) query = query.where("status", "in", filter.statuses);
      if (filter.provider) query = query.where("provider", "=", filter.provider);
      if (cursor) {
        query = query.where((eb) =>
          eb.or([eb("created_at", "<", cursor.createdAt), eb.and([eb("created_at", "=", cursor.createdAt), eb("id", "<", cursor.id)])]),
        );
      }
      return query.execute();
    },
    async listByStatus(statuses: TaskStatus[]): Promise<TaskRow[]> {
      return db.selectFrom("tasks").selectAll().where("status", "in", statuses).orderBy("created_at", "asc").execute();
    },
    /** The most recently finished successful tasks of one provider, for estimates. */
    async listSucceeded(provider: string, limit: number): Promise<TaskSample[]> {
      return db
        .selectFrom("tasks")
        .select(["recipe_json", "created_at", "submitted_at", "finished_at", "units"])
        .where("status", "=", "succeed")
        .where("provider", "=", provider)
        .orderBy("finished_at", "desc")
        .limit(limit)
        .execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom("tasks").where("id", "=", id).execute();
    },
    /** Share rows hang off task rows and live in the same database. */
    shares: createShareStore(db),
  };
}
