import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LibsqlDialect } from "@libsql/kysely-libsql";
import { Kysely } from "kysely";
import { openDatabase, type Database } from "@/lib/server/storage/db";

/**
 * A migrated database in a temp dir, plus a second, independent Kysely connection to the same file
 * (as another server process would have). `cleanup` closes both and removes the dir.
 */
export async function tempDatabases(): Promise<{ db: Kysely<Database>; other: Kysely<Database>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "spend-"));
  const db = await openDatabase(dir);
  const other = new Kysely<Database>({ dialect: new LibsqlDialect({ url: `file:${path.join(dir, "motion-studio.db")}` }) });
  return {
    db,
    other,
    cleanup: async () => {
      await Promise.all([db.destroy(), other.destroy()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
