// `npm run admin -- migrate-storage [--to-data-dir DIR]`: moves an embedded installation's data to
// shared storage (docs/deploy.md). Rows go from the SQLite file in DATA_DIR to the target database,
// blobs from DATA_DIR/blobs to the S3 bucket when S3_BUCKET is set (else DIR/blobs). Stop the app
// first; running it again copies only what is missing.
import path from "node:path";
import type { Env } from "../lib/server/env";
import { createFileBlobStore } from "../lib/server/storage/folder-blob-store";
import { migrateStorage, type MigrationProgress } from "../lib/server/storage/migrate-storage";
import { openBlobStore } from "../lib/server/storage/open-blob-store";
import { openDatabase } from "../lib/server/storage/db";

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function progressLine(update: MigrationProgress): string {
  if (update.kind === "table") return `table ${update.table}: ${update.rows} rows, ${update.inserted} new`;
  return `blobs: ${update.done} seen, ${update.copied} copied (${mib(update.bytes)})${update.finished ? ", done" : ""}`;
}

export async function migrateStorageCommand(env: Env, toDataDir: string | undefined): Promise<number> {
  const target = toDataDir ? path.resolve(toDataDir) : undefined;
  const databaseUrl = env.DATABASE_URL;
  if (databaseUrl && target) {
    console.error("Name one target for the rows: DATABASE_URL or --to-data-dir DIR, not both.");
    return 2;
  }
  if (!target && !databaseUrl && !env.S3_BUCKET) {
    console.error("migrate-storage needs a target: DATABASE_URL for the rows (Postgres), S3_BUCKET for the blobs, or --to-data-dir DIR for a SQLite target.");
    return 2;
  }
  if (target === env.dataDir) {
    console.error("--to-data-dir must not be DATA_DIR itself.");
    return 2;
  }
  // The source is always the embedded SQLite file; the rows stay where they are unless a target is named.
  const source = await openDatabase(env.dataDir);
  const movesRows = Boolean(target || databaseUrl);
  const targetDb = databaseUrl ? await openDatabase(env.dataDir, databaseUrl) : target ? await openDatabase(target) : source;
  try {
    const blobs = env.S3_BUCKET ? openBlobStore(env) : createFileBlobStore(path.join(target ?? env.dataDir, "blobs"));
    console.log(`Copying ${databaseUrl ? "rows to DATABASE_URL" : target ? `rows to ${target}` : "no rows"} and blobs to ${env.S3_BUCKET ? `s3://${env.S3_BUCKET}` : `${target}/blobs`}…`);
    const result = await migrateStorage(
      { db: source, blobs: createFileBlobStore(path.join(env.dataDir, "blobs")) },
      { db: targetDb, blobs },
      (update) => {
        if (update.kind === "table" && !movesRows) return;
        console.log(progressLine(update));
      },
      { rows: movesRows },
    );
    const rows = Object.values(result.tables).reduce((sum, table) => sum + table.inserted, 0);
    console.log(`Done: ${rows} rows and ${result.blobs.copied} blobs copied, the rest were there already.`);
    return 0;
  } catch (error) {
    console.error(`migrate-storage failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (targetDb !== source) await targetDb.destroy();
    await source.destroy();
  }
}
