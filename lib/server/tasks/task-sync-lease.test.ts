import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKlingClient } from "@/lib/kling/client";
import { startRecordingKling, type RecordingKling } from "@/tests/support/recording-kling";
import { createAssetService } from "../assets/asset-service";
import { createFileBlobStore } from "../storage/folder-blob-store";
import type { Database, TaskRow } from "../storage/db";
import { openTestDatabase } from "@/tests/support/test-database";
import { createSystemTaskStore, SENDING } from "./task-store";
import { createTaskSync } from "./task-sync";
import { createLeaseQueue } from "../jobs/lease-queue";

/**
 * A send whose holder died: its lease expires, and the next claimant looks the task up by external id
 * (here over real HTTP, against a server that already has it) instead of paying for a second one.
 */

let dir: string;
let db: Kysely<Database>;
let kling: RecordingKling;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "task-sync-lease-"));
  db = await openTestDatabase(dir);
  kling = await startRecordingKling();
});

afterAll(async () => {
  await db.destroy();
  await kling.close();
  await rm(dir, { recursive: true, force: true });
});

function sync() {
  const blobs = createFileBlobStore(path.join(dir, "blobs"));
  const client = createKlingClient({ baseUrl: `${kling.url}/kling`, auth: { kind: "bearer", apiKey: "sk-lease" }, retryBaseMs: 1, maxRetries: 1 });
  const store = createSystemTaskStore(db);
  const taskSync = createTaskSync({
    store, blobs, assets: createAssetService(db, blobs), providers: { kling: { client } }, log: pino({ level: "silent" }),
    callbackUrl: () => undefined, refreshMs: 1_000, backoff: { baseMs: 1_000, capMs: 10_000, random: () => 0.5 },
    jobs: createLeaseQueue(db, { log: pino({ level: "silent" }), pollMs: 1_000 }),
  });
  return { store, taskSync };
}

function orphan(id: string, leaseEnd: string): Omit<TaskRow, "version"> {
  const past = new Date(Date.now() - 120_000).toISOString();
  return {
    id, status: "queued", status_message: "Sending…", status_code: SENDING, provider: "kling", recipe_json: "{}", upstream_task_id: null,
    callback_token: `token-${id}`, send_attempts: 1, video_json: null, upstream_video_url: null, units: null, created_at: past, updated_at: past,
    submitted_at: null, finished_at: null, checked_at: leaseEnd, owner_id: null, title: "",
  };
}

describe("a lease left by a dead holder", () => {
  it("is not taken while it runs: nothing is sent", async () => {
    const { store, taskSync } = sync();
    await store.insert(orphan("tsk_held", new Date(Date.now() + 60_000).toISOString()));
    const outcome = await taskSync.send((await store.get("tsk_held"))!);
    expect(outcome.claimed).toBe(false);
    expect(kling.requests).toHaveLength(0);
  });

  it("once expired, is claimed and the task the dead holder created is adopted, not sent again", async () => {
    // What the dead holder's create did before it died.
    await fetch(`${kling.url}/kling/v1/videos/image2video`, { method: "POST", body: JSON.stringify({ external_task_id: "tsk_dead", image: "x" }) });
    const { store, taskSync } = sync();
    await store.insert(orphan("tsk_dead", new Date(Date.now() - 1_000).toISOString()));
    const outcome = await taskSync.send((await store.get("tsk_dead"))!);
    expect(outcome.claimed).toBe(true);
    expect(outcome.row).toMatchObject({ status: "submitted", upstream_task_id: kling.tasks()[0]!.task_id, send_attempts: 2 });
    expect(kling.creates()).toHaveLength(1);
    expect(kling.tasks()).toHaveLength(1);
  });
});
