import { ensureDatabase, TEST_POSTGRES_ENV } from "./postgres";

/**
 * The database a test's data dir stands for: in the Postgres test project (TEST_POSTGRES_URL set by
 * its setup file) a database of its own on the shared test server, one per dir, so a second
 * connection or a restarted server with the same dir finds the same data; otherwise the SQLite file
 * in the dir (undefined). Kept apart from the server's storage code so Playwright specs can start apps.
 */
export async function testDatabaseUrl(dataDir: string): Promise<string | undefined> {
  const server = process.env[TEST_POSTGRES_ENV];
  return server ? ensureDatabase(server, dataDir) : undefined;
}
