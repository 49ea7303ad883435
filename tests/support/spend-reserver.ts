/**
 * A second server process for the spend concurrency test: opens the database of the data dir argv[2] (SQLite, or Postgres in that test project),
 * prints "ready", waits for "go" on stdin, then fires argv[4] parallel reserves of 1 unit for tasks
 * `${argv[3]}-<n>` against a workspace cap of argv[5], and prints how many succeeded.
 * Run with `tsx --conditions=react-server` (server-only modules).
 */
import path from "node:path";
import { once } from "node:events";
import { openTestDatabase } from "./test-database";
import { createSpendStore } from "@/lib/server/spend/spend-store";

const [dataDir, prefix, count, cap] = process.argv.slice(2);
const db = await openTestDatabase(path.resolve(dataDir!));
const store = createSpendStore(db);
process.stdout.write("ready\n");
await once(process.stdin, "data");
const now = new Date("2026-12-15T12:00:00.000Z");
const results = await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    store.reserve({ taskId: `${prefix}-${i}`, userId: prefix!, units: 1, monthlyBudget: null, workspaceCap: Number(cap), now }),
  ),
);
process.stdout.write(`${JSON.stringify({ ok: results.filter((result) => result.ok).length })}\n`);
await db.destroy();
process.exit(0);
