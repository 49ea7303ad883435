import "server-only";
import type { Kysely } from "kysely";
import type pino from "pino";
import { isPostgres } from "../storage/dialect";
import type { Database } from "../storage/db";
import type { JobQueue } from "./job-queue";
import { createLeaseQueue } from "./lease-queue";
import { createPgBossQueue } from "./pg-boss-queue";

/** pg-boss on Postgres (databaseUrl), the lease table otherwise; one interface either way. */
export async function createJobQueue(db: Kysely<Database>, databaseUrl: string | undefined, options: { log: pino.Logger; pollMs: number }): Promise<JobQueue> {
  if (isPostgres(db) && databaseUrl) return createPgBossQueue(databaseUrl, options);
  return createLeaseQueue(db, options);
}
