import "server-only";
import type { Kysely, Updateable } from "kysely";
import type { TaskStatus } from "@/lib/tasks/public-task";
import { scrubSecrets } from "../logger";
import type { Scope, Viewer } from "../access/viewer";
import { createShareStore } from "../shares/share-store";
import type { Database, TaskRow } from "../storage/db";
import { createOwnedTaskStore, type NewTaskRow } from "./owned-task-store";

/** status_code of a queued task whose send is in progress under a lease. */
export const SENDING = "sending";
/** status_code of a task the upstream finished whose video is being copied (not queried any more). */
export const DOWNLOADING = "downloading";

export type TaskPatch = Omit<Updateable<TaskRow>, "id" | "created_at" | "version">;

/**
 * With createOwnedTaskStore, the only code that reads or writes task rows. These are the system
 * functions: unscoped, for the background loop, callbacks and share pages, never for a user's request. Every status message is scrubbed on the way in: most
 * come from the upstream, which may echo our credentials.
 *
 * For a queued task `checked_at` is the time before which nobody may try to send it: a lease while a send
 * is under way (status_code "sending"), or a backoff after the upstream said its slots are full. Claims
 * are conditional UPDATEs, so of two loops or processes sharing the database exactly one wins.
 *
 * Every change of a task's state (a claim to send it, a status from the upstream) is a compare-and-set on
 * its `version`, which it bumps: a writer holding an older read loses, and never overwrites what another
 * replica wrote meanwhile. Leases and refresh claims only move `checked_at` and leave the version alone.
 */
export type SystemTaskStore = ReturnType<typeof createSystemTaskStore>;

export function createSystemTaskStore(db: Kysely<Database>) {
  return {
    async insert(row: NewTaskRow & { owner_id: string | null }): Promise<void> {
      await db.insertInto("tasks").values({ title: "", ...row, status_message: scrubSecrets(row.status_message), version: 0 }).execute();
    },
    async get(id: string): Promise<TaskRow | null> {
      return (await db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
    },
    async findByCallbackToken(token: string): Promise<TaskRow | null> {
      return (await db.selectFrom("tasks").selectAll().where("callback_token", "=", token).executeTakeFirst()) ?? null;
    },
    /**
     * Writes `patch` if the task is still at `version` (bumping it). `applied` is false when another writer
     * got there first; `row` is then what they left.
     */
    async update(id: string, version: number, patch: TaskPatch): Promise<{ row: TaskRow | null; applied: boolean }> {
      const message = patch.status_message === undefined ? {} : { status_message: scrubSecrets(patch.status_message) };
      const result = await db
        .updateTable("tasks")
        .set((eb) => ({ ...patch, ...message, updated_at: patch.updated_at ?? new Date().toISOString(), version: eb("version", "+", 1) }))
        .where("id", "=", id)
        .where("version", "=", version)
        .executeTakeFirst();
      return { row: await this.get(id), applied: result.numUpdatedRows === 1n };
    },
    /**
     * Takes the right to send a queued task until `leaseUntil`; true for exactly one caller. The caller
     * must have read the row with `sendAttempts`: a row claimed meanwhile no longer matches.
     */
    async claimSend(id: string, sendAttempts: number, now: string, leaseUntil: string): Promise<boolean> {
      const result = await db
        .updateTable("tasks")
        .set((eb) => ({ send_attempts: sendAttempts + 1, status_code: SENDING, checked_at: leaseUntil, updated_at: now, version: eb("version", "+", 1) }))
        .where("id", "=", id)
        .where("status", "=", "queued")
        .where("send_attempts", "=", sendAttempts)
        .where((eb) => eb.or([eb("checked_at", "is", null), eb("checked_at", "<=", now)]))
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    /** Extends a lease its holder still has (same attempt, still sending). */
    async renewLease(id: string, sendAttempts: number, leaseUntil: string): Promise<void> {
      await db
        .updateTable("tasks")
        .set({ checked_at: leaseUntil })
        .where("id", "=", id)
        .where("status", "=", "queued")
        .where("status_code", "=", SENDING)
        .where("send_attempts", "=", sendAttempts)
        .execute();
    },
    /**
     * Takes the right to query a running task now; false when someone checked it after `staleBefore`. One
     * winner per refresh window, whether viewers, callbacks, the background loop or another process ask.
     */
    async claimRefresh(id: string, now: string, staleBefore: string): Promise<boolean> {
      const result = await db
        .updateTable("tasks")
        .set({ checked_at: now })
        .where("id", "=", id)
        .where("status", "in", ["submitted", "processing"])
        .where("status_code", "!=", DOWNLOADING)
        .where((eb) => eb.or([eb("checked_at", "is", null), eb("checked_at", "<=", staleBefore)]))
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    /** Lets every backing-off queued task be tried now (a slot just freed); leases are kept. */
    async endBackoffs(): Promise<void> {
      await db.updateTable("tasks").set({ checked_at: null }).where("status", "=", "queued").where("status_code", "!=", SENDING).execute();
    },
    async listByStatus(statuses: TaskStatus[]): Promise<TaskRow[]> {
      return db.selectFrom("tasks").selectAll().where("status", "in", statuses).orderBy("created_at", "asc").execute();
    },
    /** Hands the tasks made before accounts existed (no owner) to `ownerId`; the number handed over. */
    async adoptOrphans(ownerId: string): Promise<number> {
      const result = await db.updateTable("tasks").set({ owner_id: ownerId }).where("owner_id", "is", null).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

/** User-facing task access goes through `forViewer`; the background loop, callbacks and share pages use `system`. */
export type TaskStore = ReturnType<typeof createTaskStore>;

export function createTaskStore(db: Kysely<Database>) {
  return {
    system: createSystemTaskStore(db),
    forViewer: (viewer: Viewer, scope: Scope = "own") => createOwnedTaskStore(db, viewer, scope),
    /** Share rows hang off task rows and live in the same database. */
    shares: createShareStore(db),
  };
}
