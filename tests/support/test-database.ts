import type { Kysely } from "kysely";
import { connectDatabase, openDatabase, type Database } from "@/lib/server/storage/db";
import { testDatabaseUrl } from "./test-database-url";

export { testDatabaseUrl };

export async function openTestDatabase(dataDir: string): Promise<Kysely<Database>> {
  return openDatabase(dataDir, await testDatabaseUrl(dataDir));
}

export async function connectTestDatabase(dataDir: string): Promise<Kysely<Database>> {
  return connectDatabase(dataDir, await testDatabaseUrl(dataDir));
}
