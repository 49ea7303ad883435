import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LibsqlDialect } from "@libsql/kysely-libsql";
import { Kysely, Migrator, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./db";
import { migrations } from "./migrations";

const shipped = Object.keys(migrations);
/** Shipped before every name that sorts after it; kept only so old databases open (see migrations.ts). */
const OUT_OF_ORDER = new Set(["2026-11-25-002-task-status-code"]);
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A database as an older build left it: only the first `count` shipped migrations applied, in name order. */
async function databaseAt(count: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
  dirs.push(dir);
  const db = new Kysely<unknown>({ dialect: new LibsqlDialect({ url: `file:${path.join(dir, "motion-studio.db")}` }) });
  const subset = Object.fromEntries(shipped.slice(0, count).map((name) => [name, migrations[name]!]));
  const provider = { getMigrations: async () => subset };
  const first = await new Migrator({ db, provider: { getMigrations: async () => ({ [shipped[0]!]: migrations[shipped[0]!]! }) } }).migrateToLatest();
  expect(first.error).toBeUndefined();
  // Rows written by the oldest schema must survive every later migration.
  await sql`INSERT INTO assets (id, mime, width, height, bytes, created_at) VALUES ('asset1', 'image/png', 640, 360, 123, '2026-11-25T10:00:00.000Z')`.execute(db);
  await sql`INSERT INTO tasks (id, status, status_message, provider, recipe_json, callback_token, created_at, updated_at)
            VALUES ('tsk_old', 'succeed', 'done', 'preview', '{"version":1}', 'token-old', '2026-11-25T10:00:00.000Z', '2026-11-25T10:01:00.000Z')`.execute(db);
  const rest = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  expect(rest.error).toBeUndefined();
  await db.destroy();
  return dir;
}

describe("migrations", () => {
  it.each(shipped.map((name, index) => [index + 1, name]))("opens a database created with the first %i migration(s) (up to %s) and keeps its rows", async (count) => {
    const dir = await databaseAt(Number(count));
    const db = await openDatabase(dir);
    try {
      const task = await db.selectFrom("tasks").selectAll().where("id", "=", "tsk_old").executeTakeFirstOrThrow();
      expect(task).toMatchObject({ status: "succeed", status_message: "done", status_code: "", callback_token: "token-old", send_attempts: 0 });
      expect(await db.selectFrom("assets").select(["id", "width"]).execute()).toEqual([{ id: "asset1", width: 640 }]);
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
      expect(applied.rows.map((row) => row.name).sort()).toEqual([...shipped].sort());
    } finally {
      await db.destroy();
    }
  });

  it("opens an up-to-date database again without changes", async () => {
    const dir = await databaseAt(shipped.length);
    for (let round = 0; round < 2; round += 1) await (await openDatabase(dir)).destroy();
    const db = await openDatabase(dir);
    expect(await db.selectFrom("tasks").select("id").execute()).toEqual([{ id: "tsk_old" }]);
    await db.destroy();
  });

  it("names every new migration so that it sorts after all earlier ones", () => {
    shipped.forEach((name, index) => {
      if (OUT_OF_ORDER.has(name)) return;
      const earlier = shipped.slice(0, index).filter((other) => !OUT_OF_ORDER.has(other));
      for (const other of earlier) expect(name > other, `${name} must sort after ${other}`).toBe(true);
    });
    expect(new Set(shipped).size).toBe(shipped.length);
  });
});
