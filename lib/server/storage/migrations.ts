import "server-only";
import { sql, type Kysely, type Migration } from "kysely";
import { defaultTitle } from "@/lib/library/task-title";
import { isPostgres } from "./dialect";

/**
 * Column types that differ between the databases. SQLite's INTEGER is 64-bit and its REAL a double;
 * Postgres' integer is 32-bit (epoch milliseconds and byte counts overflow it) and its real a float4.
 * On SQLite these are exactly the types every shipped migration used, so existing databases match.
 */
const bigInteger = (db: Kysely<unknown>) => (isPostgres(db) ? "bigint" : "integer");
const double = (db: Kysely<unknown>) => (isPostgres(db) ? "double precision" : "real");

// The tables of "2026-12-01-101-auth", one group each; the SQL is exactly what that migration shipped with.
/** Better Auth: users (at most one owner) and their sessions. */
async function createUserTables(db: Kysely<unknown>): Promise<void> {
  const text = "text" as const;
  await db.schema
    .createTable("user")
    .addColumn("id", text, (col) => col.primaryKey())
    .addColumn("name", text, (col) => col.notNull())
    .addColumn("email", text, (col) => col.notNull().unique())
    .addColumn("emailVerified", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("image", text)
    .addColumn("role", text, (col) => col.notNull().defaultTo("member"))
    .addColumn("disabledAt", text)
    .addColumn("createdAt", text, (col) => col.notNull())
    .addColumn("updatedAt", text, (col) => col.notNull())
    .execute();
  // At most one owner, even when two first sign-ups race.
  await sql`CREATE UNIQUE INDEX user_single_owner ON "user"(role) WHERE role = 'owner'`.execute(db);
  await db.schema
    .createTable("session")
    .addColumn("id", text, (col) => col.primaryKey())
    .addColumn("userId", text, (col) => col.notNull().references("user.id").onDelete("cascade"))
    .addColumn("token", text, (col) => col.notNull().unique())
    .addColumn("expiresAt", text, (col) => col.notNull())
    .addColumn("ipAddress", text)
    .addColumn("userAgent", text)
    .addColumn("createdAt", text, (col) => col.notNull())
    .addColumn("updatedAt", text, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("session_user_id").on("session").column("userId").execute();
}

/** Better Auth: sign-in methods (account: passwords and providers) and verification tokens. */
async function createAccountTables(db: Kysely<unknown>): Promise<void> {
  const text = "text" as const;
  await db.schema
    .createTable("account")
    .addColumn("id", text, (col) => col.primaryKey())
    .addColumn("userId", text, (col) => col.notNull().references("user.id").onDelete("cascade"))
    .addColumn("accountId", text, (col) => col.notNull())
    .addColumn("providerId", text, (col) => col.notNull())
    .addColumn("accessToken", text)
    .addColumn("refreshToken", text)
    .addColumn("idToken", text)
    .addColumn("accessTokenExpiresAt", text)
    .addColumn("refreshTokenExpiresAt", text)
    .addColumn("scope", text)
    .addColumn("password", text)
    .addColumn("createdAt", text, (col) => col.notNull())
    .addColumn("updatedAt", text, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("account_user_id").on("account").column("userId").execute();
  await db.schema
    .createTable("verification")
    .addColumn("id", text, (col) => col.primaryKey())
    .addColumn("identifier", text, (col) => col.notNull())
    .addColumn("value", text, (col) => col.notNull())
    .addColumn("expiresAt", text, (col) => col.notNull())
    .addColumn("createdAt", text, (col) => col.notNull())
    .addColumn("updatedAt", text, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("verification_identifier").on("verification").column("identifier").execute();
}

/** Better Auth: WebAuthn passkeys. */
async function createPasskeyTable(db: Kysely<unknown>): Promise<void> {
  const text = "text" as const;
  await db.schema
    .createTable("passkey")
    .addColumn("id", text, (col) => col.primaryKey())
    .addColumn("userId", text, (col) => col.notNull().references("user.id").onDelete("cascade"))
    .addColumn("name", text)
    .addColumn("publicKey", text, (col) => col.notNull())
    .addColumn("credentialID", text, (col) => col.notNull())
    .addColumn("counter", "integer", (col) => col.notNull())
    .addColumn("deviceType", text, (col) => col.notNull())
    .addColumn("backedUp", "integer", (col) => col.notNull())
    .addColumn("transports", text)
    .addColumn("aaguid", text)
    .addColumn("createdAt", text)
    .execute();
  await db.schema.createIndex("passkey_user_id").on("passkey").column("userId").execute();
  await db.schema.createIndex("passkey_credential_id").on("passkey").column("credentialID").execute();
}

/** Better Auth: API keys. */
async function createApiKeyTable(db: Kysely<unknown>): Promise<void> {
  const text = "text" as const;
  await db.schema
    .createTable("apikey")
    .addColumn("id", text, (col) => col.primaryKey())
    .addColumn("configId", text, (col) => col.notNull().defaultTo("default"))
    .addColumn("referenceId", text, (col) => col.notNull().references("user.id").onDelete("cascade"))
    .addColumn("name", text)
    .addColumn("start", text)
    .addColumn("prefix", text)
    .addColumn("key", text, (col) => col.notNull())
    .addColumn("refillInterval", "integer")
    .addColumn("refillAmount", "integer")
    .addColumn("lastRefillAt", text)
    .addColumn("enabled", "integer")
    .addColumn("rateLimitEnabled", "integer")
    .addColumn("rateLimitTimeWindow", "integer")
    .addColumn("rateLimitMax", "integer")
    .addColumn("requestCount", "integer")
    .addColumn("remaining", "integer")
    .addColumn("lastRequest", text)
    .addColumn("expiresAt", text)
    .addColumn("permissions", text)
    .addColumn("metadata", text)
    .addColumn("createdAt", text, (col) => col.notNull())
    .addColumn("updatedAt", text, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("apikey_key").on("apikey").column("key").execute();
  await db.schema.createIndex("apikey_reference_id").on("apikey").column("referenceId").execute();
  await db.schema.createIndex("apikey_config_id").on("apikey").column("configId").execute();
}

/** Ours, in snake_case: invites, per-user budgets, sign-in throttling. */
async function createAccessTables(db: Kysely<unknown>): Promise<void> {
  const text = "text" as const;
  await db.schema
    .createTable("invites")
    .addColumn("id", text, (col) => col.primaryKey())
    .addColumn("token_hash", text, (col) => col.notNull().unique())
    .addColumn("role", text, (col) => col.notNull())
    .addColumn("monthly_units", double(db))
    .addColumn("created_by", text, (col) => col.notNull())
    .addColumn("created_at", text, (col) => col.notNull())
    .addColumn("expires_at", text, (col) => col.notNull())
    .addColumn("used_at", text)
    .addColumn("used_by", text)
    .execute();
  await db.schema
    .createTable("budgets")
    .addColumn("user_id", text, (col) => col.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("monthly_units", double(db))
    .addColumn("updated_at", text, (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("auth_attempts")
    .addColumn("key", text, (col) => col.primaryKey())
    .addColumn("failures", "integer", (col) => col.notNull())
    .addColumn("window_start", bigInteger(db), (col) => col.notNull())
    .execute();
}

/**
 * Schema changes, in the order they shipped. Never edit or rename one that has shipped: databases record
 * applied migrations by name. A database applies whichever of these it lacks in name order (see
 * openDatabase), so a new migration's name must sort after every existing one (migrations.test.ts checks).
 * One historical exception: "2026-11-25-002-task-status-code" shipped after "2026-11-27-001-shares".
 */
export const migrations: Record<string, Migration> = {
  "2026-11-25-001-assets-and-tasks": {
    async up(db: Kysely<unknown>) {
      // WAL lets readers run while one process writes; Postgres has no such switch.
      if (!isPostgres(db)) await sql`PRAGMA journal_mode = WAL`.execute(db);
      await db.schema
        .createTable("assets")
        .addColumn("id", "text", (col) => col.primaryKey())
        .addColumn("mime", "text", (col) => col.notNull())
        .addColumn("width", "integer", (col) => col.notNull())
        .addColumn("height", "integer", (col) => col.notNull())
        .addColumn("bytes", bigInteger(db), (col) => col.notNull())
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
  "2026-12-01-101-auth": {
    // Better Auth's own tables (user, session, account, verification, passkey, apikey), in the names and
    // camelCase columns it expects, so its runtime schema check passes; then ours in snake_case.
    async up(db: Kysely<unknown>) {
      await createUserTables(db);
      await createAccountTables(db);
      await createPasskeyTable(db);
      await createApiKeyTable(db);
      await createAccessTables(db);
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
        .addColumn("centi_units", bigInteger(db), (col) => col.notNull())
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
        .addColumn("window_start", bigInteger(db), (col) => col.notNull())
        .addColumn("count", "integer", (col) => col.notNull())
        .addColumn("previous_count", "integer", (col) => col.notNull())
        .execute();
      // Bytes a user holds; an asset shared by dedupe counts once per user.
      await db.schema
        .createTable("storage_usage")
        .addColumn("user_id", "text", (col) => col.notNull())
        .addColumn("asset_id", "text", (col) => col.notNull())
        .addColumn("bytes", bigInteger(db), (col) => col.notNull())
        .addColumn("created_at", "text", (col) => col.notNull())
        .addPrimaryKeyConstraint("storage_usage_pk", ["user_id", "asset_id"])
        .execute();
    },
  },
  "2026-12-01-301-ownership": {
    async up(db: Kysely<unknown>) {
      // Nullable: rows made before accounts have no owner until adoptOrphans hands them to the first owner.
      await db.schema.alterTable("tasks").addColumn("owner_id", "text").execute();
      await db.schema.createIndex("tasks_owner").on("tasks").columns(["owner_id", "created_at"]).execute();
      // Blobs stay one per content hash; who may use one is a row per (asset, user).
      await db.schema
        .createTable("asset_owners")
        .addColumn("asset_id", "text", (col) => col.notNull())
        .addColumn("user_id", "text", (col) => col.notNull())
        .addColumn("created_at", "text", (col) => col.notNull())
        .addPrimaryKeyConstraint("asset_owners_pk", ["asset_id", "user_id"])
        .execute();
      await db.schema.createIndex("asset_owners_user").on("asset_owners").columns(["user_id", "asset_id"]).execute();
    },
  },
  "2026-12-01-401-task-title": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("tasks").addColumn("title", "text", (col) => col.notNull().defaultTo("")).execute();
      // Existing tasks get the title a new one would: the start of its prompt (the same function, not SQL's substr).
      const prompt = isPostgres(db) ? sql`CAST(recipe_json AS json) ->> 'prompt'` : sql`json_extract(recipe_json, '$.prompt')`;
      const rows = await sql<{ id: string; prompt: string | null }>`SELECT id, ${prompt} AS prompt FROM tasks`.execute(db);
      for (const row of rows.rows) {
        const title = defaultTitle(typeof row.prompt === "string" ? row.prompt : "");
        if (title) await sql`UPDATE tasks SET title = ${title} WHERE id = ${row.id}`.execute(db);
      }
    },
  },
  "2026-12-01-501-task-version-and-jobs": {
    async up(db: Kysely<unknown>) {
      // Every status write is a compare-and-set on this, so two replicas never overwrite a newer status.
      await db.schema.alterTable("tasks").addColumn("version", "integer", (col) => col.notNull().defaultTo(0)).execute();
      // The job queue on SQLite (Postgres uses pg-boss in its own schema): a job is leased by one worker
      // until lease_until; a worker that dies leaves a lease that expires, and the job runs again.
      await db.schema
        .createTable("jobs")
        .addColumn("id", "text", (col) => col.primaryKey())
        .addColumn("name", "text", (col) => col.notNull())
        .addColumn("singleton_key", "text", (col) => col.notNull())
        .addColumn("payload", "text", (col) => col.notNull())
        .addColumn("run_at", bigInteger(db), (col) => col.notNull())
        .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
        .addColumn("lease_until", bigInteger(db))
        .addColumn("locked_by", "text")
        .addColumn("last_error", "text")
        .execute();
      // One waiting job per (name, key): a second send of the same work is a no-op; a running one may
      // queue its own successor.
      await db.schema.createIndex("jobs_singleton").on("jobs").columns(["name", "singleton_key"]).unique().where(sql.ref("locked_by"), "is", null).execute();
      await db.schema.createIndex("jobs_due").on("jobs").columns(["name", "run_at"]).execute();
    },
  },
};
