import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LibsqlDialect } from "@libsql/kysely-libsql";
import { Kysely } from "kysely";
import type { Database } from "@/lib/server/storage/db";
import { connectTestDatabase, openTestDatabase, testDatabaseUrl } from "@/tests/support/test-database";

/**
 * A migrated database (a file in a temp dir, or DATABASE_URL's), plus a second, independent Kysely connection to it
 * (as another server process would have). `cleanup` closes both and removes the dir.
 */
export async function tempDatabases(): Promise<{ db: Kysely<Database>; other: Kysely<Database>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "spend-"));
  const db = await openTestDatabase(dir);
  // On SQLite a plain libsql connection, as before (no busy timeout: its busy waits block this process's
  // event loop, so the holder of the lock could not finish); on Postgres a second pool.
  const other = (await testDatabaseUrl(dir))
    ? await connectTestDatabase(dir)
    : new Kysely<Database>({ dialect: new LibsqlDialect({ url: `file:${path.join(dir, "motion-studio.db")}` }) });
  return {
    db,
    other,
    cleanup: async () => {
      await Promise.all([db.destroy(), other.destroy()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
