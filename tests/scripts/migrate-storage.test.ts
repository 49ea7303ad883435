import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/server/storage/db";
import { createS3BlobStore } from "@/lib/server/storage/s3-blob-store";
import { startS3Server, type S3Server } from "../support/s3-server";

/**
 * `npm run admin -- migrate-storage` as an operator runs it, on an embedded installation with rows in
 * every kind of table and blobs of every kind. Database target: a second SQLite file (--to-data-dir),
 * the same code path a DATABASE_URL target takes; blob target: s3rver.
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const now = "2026-12-01T10:00:00.000Z";
const blobs = { "assets/frame00000001": Buffer.from("a frame"), "videos/tsk_one.mp4": Buffer.alloc(6 * 1024 * 1024 + 5, 7), "posters/tsk_one.jpg": Buffer.from([0xff, 0xd8, 1]) };

let source: string;
let target: string;
let s3: S3Server;

async function seed(dir: string): Promise<void> {
  const db = await openDatabase(dir);
  await db.insertInto("user").values({ id: "usr_owner", name: "Owner", email: "owner@example.com", emailVerified: 1, image: null, role: "owner", disabledAt: null, createdAt: now, updatedAt: now }).execute();
  await sql`INSERT INTO session (id, "userId", token, "expiresAt", "createdAt", "updatedAt") VALUES ('ses_1', 'usr_owner', 'tok', ${now}, ${now}, ${now})`.execute(db);
  await db.insertInto("assets").values({ id: "frame00000001", mime: "image/png", width: 640, height: 360, bytes: 7, created_at: now }).execute();
  for (let i = 0; i < 1200; i++) {
    await sql`INSERT INTO tasks (id, status, status_message, provider, recipe_json, callback_token, created_at, updated_at, owner_id)
              VALUES (${i === 0 ? "tsk_one" : `tsk_${i}`}, 'succeed', '', 'preview', '{"version":1}', ${`token-${i}`}, ${now}, ${now}, 'usr_owner')`.execute(db);
  }
  await db.destroy();
  for (const [key, bytes] of Object.entries(blobs)) {
    await mkdir(path.dirname(path.join(dir, "blobs", key)), { recursive: true });
    await writeFile(path.join(dir, "blobs", key), bytes);
  }
}

async function migrate(): Promise<string> {
  const env = { ...process.env, ...s3.env, DATA_DIR: source, LOG_LEVEL: "silent", OWNER_EMAIL: "", OWNER_PASSWORD: "" };
  const { stdout } = await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/admin.ts", "migrate-storage", "--to-data-dir", target], { cwd: root, env });
  return stdout;
}

async function counts(dir: string): Promise<Record<string, number>> {
  const db = await openDatabase(dir);
  const result: Record<string, number> = {};
  for (const table of ["user", "session", "assets", "tasks"]) {
    result[table] = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n);
  }
  await db.destroy();
  return result;
}

beforeAll(async () => {
  source = await mkdtemp(path.join(os.tmpdir(), "migrate-source-"));
  target = await mkdtemp(path.join(os.tmpdir(), "migrate-target-"));
  s3 = await startS3Server();
  await seed(source);
});
afterAll(async () => {
  await s3?.close();
  await Promise.all([source, target].map((dir) => rm(dir, { recursive: true, force: true })));
});

// Each run is a tsx process start: tens of seconds on a loaded machine.
describe("npm run admin -- migrate-storage", { timeout: 300_000 }, () => {
  it("copies every row and every blob, with progress lines", async () => {
    const output = await migrate();
    expect(output).toMatch(/table user: 1 rows, 1 new/);
    expect(output).toMatch(/table tasks: 1200 rows, 1200 new/);
    expect(output).toMatch(/blobs: 3 seen, 3 copied \(6\.0 MiB\), done/);
    // Parents before children: the user's row arrives before its session and tasks.
    expect(output.indexOf("table user:")).toBeLessThan(output.indexOf("table session:"));
    expect(await counts(target)).toEqual({ user: 1, session: 1, assets: 1, tasks: 1200 });
    const bucket = createS3BlobStore(s3.settings);
    for (const [key, bytes] of Object.entries(blobs)) expect((await bucket.get(key))?.equals(bytes)).toBe(true);
  });

  it("copies nothing twice when run again", async () => {
    const output = await migrate();
    expect(output).toMatch(/table tasks: 1200 rows, 0 new/);
    expect(output).toMatch(/blobs: 3 seen, 0 copied/);
    expect(output).toMatch(/Done: 0 rows and 0 blobs copied/);
    expect(await counts(target)).toEqual({ user: 1, session: 1, assets: 1, tasks: 1200 });
  });
});
