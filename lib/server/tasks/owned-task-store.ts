import "server-only";
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from "kysely";
import { containsPattern, type TaskSort } from "@/lib/library/list-order";
import type { Scope, Viewer } from "../access/viewer";
import { scrubSecrets } from "../logger";
import type { Database, TaskRow } from "../storage/db";
import { jsonText, likeIgnoringCase } from "../storage/dialect";
import type { TaskStatus } from "@/lib/tasks/public-task";

/** Narrows a listing; absent fields do not filter. */
export type TaskFilter = {
  statuses?: TaskStatus[];
  provider?: string;
  /** Takes of one shot: tasks made from this start frame asset. */
  startFrame?: string;
  /** Words (space-separated), each found in the title or the prompt (ASCII case ignored). */
  search?: string;
};
/** What an estimate needs from a finished task. */
export type TaskSample = Pick<TaskRow, "recipe_json" | "created_at" | "submitted_at" | "finished_at" | "units">;

/** A task as its creator inserts it: the owner comes from the viewer, never from the caller. */
export type NewTaskRow = Omit<TaskRow, "owner_id" | "title" | "version"> & { title?: string };
/** A listed row with the key it was sorted by, which the next page's cursor carries. */
export type ListedTaskRow = TaskRow & { sort_key: string };

/**
 * Each order as one key plus the id as tie-break, so a page cursor is (key, id). The title order puts
 * untitled tasks last ("1" sorts after "0") and ignores ASCII case (SQLite's lower()).
 */
const ORDERS: Record<TaskSort, { key: RawBuilder<string>; direction: "asc" | "desc" }> = {
  newest: { key: sql<string>`tasks.created_at`, direction: "desc" },
  oldest: { key: sql<string>`tasks.created_at`, direction: "asc" },
  title: { key: sql<string>`(CASE WHEN tasks.title = '' THEN '1' ELSE '0' END) || lower(tasks.title)`, direction: "asc" },
};
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
      await db.insertInto("tasks").values({ title: "", ...row, status_message: scrubSecrets(row.status_message), owner_id: viewer.userId, version: 0 }).execute();
    },
    async get(id: string): Promise<TaskRow | null> {
      return (await scoped(db.selectFrom("tasks").selectAll()).where("id", "=", id).executeTakeFirst()) ?? null;
    },
    /** In `sort` order (newest first by default); the cursor is the last row's `sort_key|id`. */
    async list(limit: number, cursor?: { key: string; id: string }, filter: TaskFilter = {}, sort: TaskSort = "newest"): Promise<ListedTaskRow[]> {
      const { key, direction } = ORDERS[sort];
      let query = scoped(db.selectFrom("tasks").selectAll().select(key.as("sort_key")))
        .orderBy(key, direction)
        .orderBy("id", direction)
        .limit(limit);
      if (filter.statuses?.length) query = query.where("status", "in", filter.statuses);
      if (filter.provider) query = query.where("provider", "=", filter.provider);
      if (filter.startFrame) query = query.where(jsonText(db, "tasks.recipe_json", "startFrame"), "=", filter.startFrame);
      // Every word must appear in the title or the prompt. Case is ignored; the prompt is read from the
      // recipe, so search needs no copy of it.
      const like = likeIgnoringCase(db);
      for (const word of filter.search?.split(" ") ?? []) {
        const pattern = containsPattern(word);
        query = query.where(sql<boolean>`(tasks.title ${like} ${pattern} ESCAPE '\\' OR ${jsonText(db, "tasks.recipe_json", "prompt")} ${like} ${pattern} ESCAPE '\\')`);
      }
      if (cursor) {
        const after = direction === "desc" ? "<" : ">";
        query = query.where((eb) => eb.or([eb(key, after, cursor.key), eb.and([eb(key, "=", cursor.key), eb("id", after, cursor.id)])]));
      }
      return query.execute();
    },
    /** Renames a visible task; false when there is none. */
    async rename(id: string, title: string): Promise<boolean> {
      if (!(await this.get(id))) return false;
      await db.updateTable("tasks").set({ title }).where("id", "=", id).execute();
      return true;
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
