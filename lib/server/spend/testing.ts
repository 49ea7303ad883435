import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/storage/db";
import { connectTestDatabase, openTestDatabase } from "@/tests/support/test-database";

/**
 * A migrated database (a file in a temp dir, or DATABASE_URL's), plus a second, independent Kysely connection to it
 * (as another server process would have). `cleanup` closes both and removes the dir.
 */
export async function tempDatabases(): Promise<{ db: Kysely<Database>; other: Kysely<Database>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "spend-"));
  const db = await openTestDatabase(dir);
  const other = await connectTestDatabase(dir);
  return {
    db,
    other,
    cleanup: async () => {
      await Promise.all([db.destroy(), other.destroy()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
