import "server-only";
import { sql, type Kysely, type Migration } from "kysely";

/**
 * Schema changes, in the order they shipped. Never edit or rename one that has shipped: databases record
 * applied migrations by name. A database applies whichever of these it lacks in name order (see
 * openDatabase), so a new migration's name must sort after every existing one (migrations.test.ts checks).
 * One historical exception: "2026-11-25-002-task-status-code" shipped after "2026-11-27-001-shares".
 */
export const migrations: Record<string, Migration> = {
  "2026-11-25-001-assets-and-tasks": {
    async up(db: Kysely<unknown>) {
      await sql`PRAGMA journal_mode = WAL`.execute(db);
      await db.schema
        .createTable("assets")
        .addColumn("id", "text", (col) => col.primaryKey())
        .addColumn("mime", "text", (col) => col.notNull())
        .addColumn("width", "integer", (col) => col.notNull())
        .addColumn("height", "integer", (col) => col.notNull())
        .addColumn("bytes", "integer", (col) => col.notNull())
        .addColumn("created_at", "text", (col) => col.notNull())
        .execute();
      await db.schema
        .createTable("tasks")
        .addColumn("id", "text", (col) => col.primaryKey())
        .addColumn("status", "text", (col) => col.notNull())
        .addColumn("status_message", "text", (col) => col.notNull().defaultTo(""))
        .addColumn("provider", "text", (col) => col.notNull())
        .addColumn("recipe_json", "text", (col) => col.notNull())
        .addColumn("upstream_task_id", "text")
        .addColumn("callback_token", "text", (col) => col.notNull().unique())
        .addColumn("send_attempts", "integer", (col) => col.notNull().defaultTo(0))
        .addColumn("video_json", "text")
        .addColumn("upstream_video_url", "text")
        .addColumn("units", "text")
        .addColumn("created_at", "text", (col) => col.notNull())
        .addColumn("updated_at", "text", (col) => col.notNull())
        .addColumn("submitted_at", "text")
        .addColumn("finished_at", "text")
        .addColumn("checked_at", "text")
        .execute();
      await db.schema.createIndex("tasks_created_at").on("tasks").columns(["created_at", "id"]).execute();
      await db.schema.createIndex("tasks_status").on("tasks").column("status").execute();
    },
  },
  "2026-11-27-001-shares": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("shares")
        .addColumn("slug", "text", (col) => col.primaryKey())
        .addColumn("task_id", "text", (col) => col.notNull())
        .addColumn("show_prompt", "integer", (col) => col.notNull().defaultTo(0))
        .addColumn("created_at", "text", (col) => col.notNull())
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema.createIndex("shares_task_id").on("shares").column("task_id").execute();
      // The library filters by provider; status already has an index.
      await db.schema.createIndex("tasks_provider").on("tasks").columns(["provider", "created_at"]).execute();
    },
  },
  "2026-11-25-002-task-status-code": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("tasks").addColumn("status_code", "text", (col) => col.notNull().defaultTo("")).execute();
    },
  },
  "2026-12-01-201-spend": {
    async up(db: Kysely<unknown>) {
      // One row per paid task: what it reserved, then what it was charged. Hundredths of a unit, as
      // integers, so sums are exact however many tasks a month holds.
      await db.schema
        .createTable("spend_reservations")
        .addColumn("task_id", "text", (col) => col.primaryKey())
        .addColumn("user_id", "text", (col) => col.notNull())
        .addColumn("state", "text", (col) => col.notNull())
        .addColumn("centi_units", "integer", (col) => col.notNull())
        .addColumn("period_start", "text", (col) => col.notNull())
        .addColumn("created_at", "text", (col) => col.notNull())
        .addColumn("updated_at", "text", (col) => col.notNull())
        .execute();
      await db.schema.createIndex("spend_reservations_user_period").on("spend_reservations").columns(["user_id", "period_start"]).execute();
      await db.schema.createIndex("spend_reservations_period").on("spend_reservations").column("period_start").execute();
    },
  },
  "2026-12-01-202-limits": {
    async up(db: Kysely<unknown>) {
      // Sliding-window counters: this window's hits and the previous window's, one row per key.
      await db.schema
        .createTable("rate_limits")
        .addColumn("key", "text", (col) => col.primaryKey())
        .addColumn("window_start", "integer", (col) => col.notNull())
        .addColumn("count", "integer", (col) => col.notNull())
        .addColumn("previous_count", "integer", (col) => col.notNull())
        .execute();
      // Bytes a user holds; an asset shared by dedupe counts once per user.
      await db.schema
        .createTable("storage_usage")
        .addColumn("user_id", "text", (col) => col.notNull())
        .addColumn("asset_id", "text", (col) => col.notNull())
        .addColumn("bytes", "integer", (col) => col.notNull())
        .addColumn("created_at", "text", (col) => col.notNull())
        .addPrimaryKeyConstraint("storage_usage_pk", ["user_id", "asset_id"])
        .execute();
    },
  },
};
