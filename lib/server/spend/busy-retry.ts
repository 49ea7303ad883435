import "server-only";
import { sql, type Kysely, type Transaction } from "kysely";
import { isPostgres } from "../storage/dialect";

/**
 * libsql opens connections with no busy timeout, so a write that meets another process's write lock
 * fails at once with SQLITE_BUSY; worse, a bare statement that fails that way can leave its pooled
 * connection inside an unfinished transaction, so later "successful" writes on it are never committed
 * (seen under load with two processes). Writes therefore run in an IMMEDIATE transaction (libsql's
 * "write" mode), which takes the write lock before anything is read or written and fails cleanly
 * when it cannot; a few short waits then ride out the other writer.
 *
 * Postgres has no database-wide write lock: under READ COMMITTED two transactions could both read a total
 * below a limit and both insert. There every such write first takes one transaction-scoped advisory
 * lock, which gives the same one-writer-at-a-time guarantee across replicas (these writes are short).
 */
const WRITE_LOCK = 7_231_001;
// About 10 s in all: two processes polling their job queues can hold the lock in turn for a while.
const WAITS_MS = [5, 20, 50, 100, 200, 400, 800, 1_000, 1_500, 2_000, 3_000];

function isBusy(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: unknown }).code ?? ""} ${error.message}` : "";
  return /SQLITE_BUSY|database is locked/i.test(text);
}

/**
 * One transaction that fails with the error that broke it: libsql closes a transaction that hit e.g.
 * SQLITE_FULL, and Kysely's own rollback would then throw TRANSACTION_CLOSED in its place.
 */
async function transaction<D, T>(db: Kysely<D>, work: (trx: Transaction<D>) => Promise<T>): Promise<T> {
  const trx = await db.startTransaction().execute();
  try {
    if (isPostgres(db)) await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`.execute(trx);
    const result = await work(trx);
    await trx.commit().execute();
    return result;
  } catch (error) {
    await trx.rollback().execute().catch(() => undefined);
    throw error;
  }
}

/**
 * Runs `work`, again after each short wait while it fails with SQLITE_BUSY; the last failure is thrown.
 * `afterBusy` runs after each busy failure, before the wait (to clean up what the failure left).
 */
export async function retryWhileBusy<T>(work: () => Promise<T>, afterBusy?: () => Promise<void>): Promise<T> {
  for (const wait of WAITS_MS) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      await afterBusy?.();
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  return work();
}

export async function writeAtomically<D, T>(db: Kysely<D>, work: (trx: Transaction<D>) => Promise<T>): Promise<T> {
  return retryWhileBusy(() => transaction(db, work));
}
