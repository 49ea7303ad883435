import "server-only";
import { sql, type Kysely } from "kysely";
import type { BlobStore } from "./blob-store";
import type { Database } from "./db";

/** Any table of either database: the copy is generic, so a table added by a later migration comes along. */
type AnyDatabase = Record<string, Record<string, unknown>>;

export type MigrationProgress =
  | { kind: "table"; table: string; rows: number; inserted: number }
  | { kind: "blobs"; done: number; copied: number; bytes: number; finished: boolean };

export type MigrationResult = { tables: Record<string, { rows: number; inserted: number }>; blobs: { total: number; copied: number; bytes: number } };

const PAGE_ROWS = 500;
/** Bound parameters per INSERT: under SQLite's 32 766 and Postgres's 65 535. */
const MAX_PARAMETERS = 30_000;
const BLOB_PROGRESS_EVERY = 100;
/** Kysely's own bookkeeping: the target ran its migrations when it was opened. */
const SKIPPED_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

/**
 * Tables of the SQLite source, parents before children (foreign keys are enforced on the target, so
 * a session must not arrive before its user).
 */
async function tablesInOrder(source: Kysely<AnyDatabase>): Promise<string[]> {
  const tables = (await source.introspection.getTables()).map((table) => table.name).filter((name) => !SKIPPED_TABLES.has(name) && !name.startsWith("sqlite_"));
  const parents = new Map<string, string[]>();
  for (const table of tables) {
    const { rows } = await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${table})`.execute(source);
    parents.set(table, rows.map((row) => row.table).filter((parent) => parent !== table));
  }
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const parent of parents.get(table) ?? []) visit(parent, [...path, table]);
    ordered.push(table);
  };
  [...tables].sort().forEach((table) => visit(table, []));
  return ordered;
}

async function copyTable(source: Kysely<AnyDatabase>, target: Kysely<AnyDatabase>, table: string): Promise<{ rows: number; inserted: number }> {
  let rows = 0;
  let inserted = 0;
  for (let offset = 0; ; offset += PAGE_ROWS) {
    // rowid: a stable order for paging; the source is the embedded SQLite file, stopped for the move.
    const page = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY rowid LIMIT ${PAGE_ROWS} OFFSET ${offset}`.execute(source)).rows;
    if (page.length === 0) break;
    const perInsert = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, Object.keys(page[0] ?? {}).length)));
    for (let start = 0; start < page.length; start += perInsert) {
      // A row already there (an earlier, interrupted run) is left as it is: running again is safe.
      const result = await target.insertInto(table).values(page.slice(start, start + perInsert)).onConflict((conflict) => conflict.doNothing()).executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    rows += page.length;
  }
  return { rows, inserted };
}

/** Streams every blob the target lacks (or holds at another size); skips the ones already copied. */
async function copyBlobs(source: BlobStore, target: BlobStore, progress: (update: MigrationProgress) => void): Promise<MigrationResult["blobs"]> {
  const counts = { total: 0, copied: 0, bytes: 0 };
  const report = (finished: boolean) => progress({ kind: "blobs", done: counts.total, copied: counts.copied, bytes: counts.bytes, finished });
  for await (const key of source.keys()) {
    counts.total += 1;
    const [from, to] = await Promise.all([source.stat(key), target.stat(key)]);
    if (from && to?.size !== from.size) {
      const body = await source.read(key);
      if (body) {
        counts.bytes += await target.putStream(key, body);
        counts.copied += 1;
      }
    }
    if (counts.total % BLOB_PROGRESS_EVERY === 0) report(false);
  }
  report(true);
  return counts;
}

/**
 * Moves an embedded installation to shared storage (`npm run admin -- migrate-storage`): every row of
 * every table from the SQLite source into the target database (already migrated to the same schema),
 * then every blob from the source store into the target store. Idempotent: run it again after an
 * interruption and it copies only what is missing.
 */
export async function migrateStorage(
  from: { db: Kysely<Database>; blobs: BlobStore },
  to: { db: Kysely<Database>; blobs: BlobStore },
  progress: (update: MigrationProgress) => void = () => {},
  options: { rows?: boolean } = {},
): Promise<MigrationResult> {
  const source = from.db as unknown as Kysely<AnyDatabase>;
  const target = to.db as unknown as Kysely<AnyDatabase>;
  const tables: MigrationResult["tables"] = {};
  // rows: false moves the blobs only (the database stays where it is).
  for (const table of options.rows === false ? [] : await tablesInOrder(source)) {
    tables[table] = await copyTable(source, target, table);
    progress({ kind: "table", table, ...tables[table] });
  }
  return { tables, blobs: await copyBlobs(from.blobs, to.blobs, progress) };
}
