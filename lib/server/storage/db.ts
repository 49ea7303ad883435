import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Kysely, Migrator, PostgresDialect, type Dialect, type Driver, type Migration, type MigrationProvider } from "kysely";
import { LibsqlDialect } from "@libsql/kysely-libsql";
import { BusyRetryingDriver } from "./busy-retry-driver";
import pg from "pg";
import { isPostgresUrl } from "./dialect";
import { migrations } from "./migrations";

/** Row shapes. Times are ISO-8601 strings; JSON columns hold serialised objects. */
export type AssetRow = {
  id: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  created_at: string;
};

export type TaskRow = {
  id: string;
  status: string;
  status_message: string;
  /** Stable machine code behind status_message (e.g. kling-1301, slots-full), localised by clients. */
  status_code: string;
  provider: string;
  recipe_json: string;
  upstream_task_id: string | null;
  callback_token: string;
  send_attempts: number;
  video_json: string | null;
  upstream_video_url: string | null;
  units: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  finished_at: string | null;
  checked_at: string | null;
  /** The user who created it; null only for rows made before accounts (see TaskStore.adoptOrphans). */
  owner_id: string | null;
  /** What the library calls it: from the prompt at creation, renamed by its creator; "" = untitled. */
  title: string;
  /** Bumped by every status write; writes are conditional on it (see SystemTaskStore.update). */
  version: number;
};

/** A public link to one finished task; revoked links are kept so a slug is never reused. */
export type ShareRow = {
  slug: string;
  task_id: string;
  /** 0 or 1: SQLite has no boolean. */
  show_prompt: number;
  created_at: string;
  revoked_at: string | null;
};

/** Better Auth's tables: its names and camelCase columns; booleans are 0/1, times ISO-8601 text. */
export type UserRow = {
  id: string;
  name: string;
  email: string;
  emailVerified: number;
  image: string | null;
  role: string;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SessionRow = {
  id: string;
  userId: string;
  token: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: string;
  updatedAt: string;
};

export type AccountRow = {
  id: string;
  userId: string;
  accountId: string;
  providerId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: string | null;
  refreshTokenExpiresAt: string | null;
  scope: string | null;
  password: string | null;
  createdAt: string;
  updatedAt: string;
};

export type VerificationRow = { id: string; identifier: string; value: string; expiresAt: string; createdAt: string; updatedAt: string };

export type PasskeyRow = {
  id: string;
  userId: string;
  name: string | null;
  publicKey: string;
  credentialID: string;
  counter: number;
  deviceType: string;
  backedUp: number;
  transports: string | null;
  aaguid: string | null;
  createdAt: string | null;
};

/** `key` holds a hash of the token; the token itself is shown once and never stored. */
export type ApiKeyRow = {
  id: string;
  configId: string;
  referenceId: string;
  name: string | null;
  start: string | null;
  prefix: string | null;
  key: string;
  refillInterval: number | null;
  refillAmount: number | null;
  lastRefillAt: string | null;
  enabled: number | null;
  rateLimitEnabled: number | null;
  rateLimitTimeWindow: number | null;
  rateLimitMax: number | null;
  requestCount: number | null;
  remaining: number | null;
  lastRequest: string | null;
  expiresAt: string | null;
  permissions: string | null;
  metadata: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A one-time sign-up link; only a hash of its token is kept. */
export type InviteRow = {
  id: string;
  token_hash: string;
  role: string;
  monthly_units: number | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
};

/** A user's monthly unit budget; null means unlimited. */
export type BudgetRow = { user_id: string; monthly_units: number | null; updated_at: string };

/** Failed sign-ins per key (account or client address) in a fixed window starting at window_start (ms). */
export type AuthAttemptRow = { key: string; failures: number; window_start: number };

/** Who may use a (content-addressed, shared on disk) asset: one row per user who uploaded or remixed it. */
export type AssetOwnerRow = { asset_id: string; user_id: string; created_at: string };

/** A paid task's spend: reserved before the upstream call, then settled (charged) or released. */
export type SpendReservationRow = {
  task_id: string;
  user_id: string;
  state: "reserved" | "settled" | "released";
  /** Hundredths of a unit. */
  centi_units: number;
  /** First instant (ISO, UTC) of the calendar month the spend counts in. */
  period_start: string;
  created_at: string;
  updated_at: string;
};

/** A sliding-window rate counter; window_start is epoch ms. */
export type RateLimitRow = { key: string; window_start: number; count: number; previous_count: number };

/** Bytes of one asset attached to one user, for the storage quota. */
export type StorageUsageRow = { user_id: string; asset_id: string; bytes: number; created_at: string };

/** A queued unit of background work on SQLite (lib/server/jobs/sqlite-queue.ts); times are epoch ms. */
export type JobRow = {
  id: string;
  name: string;
  /** Dedupe key: at most one pending job per (name, singleton_key). */
  singleton_key: string;
  payload: string;
  run_at: number;
  attempts: number;
  lease_until: number | null;
  locked_by: string | null;
  last_error: string | null;
};

export type Database = {
  assets: AssetRow;
  tasks: TaskRow;
  shares: ShareRow;
  user: UserRow;
  session: SessionRow;
  account: AccountRow;
  verification: VerificationRow;
  passkey: PasskeyRow;
  apikey: ApiKeyRow;
  invites: InviteRow;
  budgets: BudgetRow;
  auth_attempts: AuthAttemptRow;
  asset_owners: AssetOwnerRow;
  spend_reservations: SpendReservationRow;
  rate_limits: RateLimitRow;
  storage_usage: StorageUsageRow;
  jobs: JobRow;
};

class StaticMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** The SQLite file, with SQLITE_BUSY from another process's write lock ridden out (see the driver). */
class RetryingLibsqlDialect extends LibsqlDialect {
  override createDriver(): Driver {
    return new BusyRetryingDriver(super.createDriver());
  }
}

/** Postgres' 64-bit integers and numerics (sums, counts) arrive as strings by default; ours fit a double. */
const PG_NUMERIC_TYPES = new Set([20, 1700]);
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    PG_NUMERIC_TYPES.has(oid) ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Postgres when DATABASE_URL says so, otherwise the SQLite file under dataDir (the embedded default). */
function dialectFor(dataDir: string, databaseUrl: string | undefined): Dialect {
  if (isPostgresUrl(databaseUrl)) return new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, types: pgTypes, max: 10 }) });
  mkdirSync(dataDir, { recursive: true });
  return new RetryingLibsqlDialect({ url: `file:${path.join(dataDir, "motion-studio.db")}` });
}

/** A handle on the database without migrating it (a second connection, as another process has). */
export function connectDatabase(dataDir: string, databaseUrl?: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: dialectFor(dataDir, databaseUrl) });
}

/**
 * Opens the database (Postgres at `databaseUrl` when it is a postgres:// URL, else SQLite under
 * dataDir, created if needed) and brings its schema up to date. Replicas starting together are safe:
 * Kysely's migrator takes a lock (a Postgres advisory lock, SQLite's write lock) while it migrates.
 */
export async function openDatabase(dataDir: string, databaseUrl?: string): Promise<Kysely<Database>> {
  const db = connectDatabase(dataDir, databaseUrl);
  // Unordered: a database created before a migration that sorts early was added must still open.
  const migrator = new Migrator({ db, provider: new StaticMigrations(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    await db.destroy();
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ""}: ${String(error)}`);
  }
  return db;
}
