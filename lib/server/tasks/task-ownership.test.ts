import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage } from "@/tests/support/fixtures";
import type { Viewer } from "../access/viewer";
import { createAssetService, type Asset } from "../assets/asset-service";
import type { Env } from "../env";
import { createFileBlobStore } from "../storage/folder-blob-store";
import type { Database } from "../storage/db";
import { openTestDatabase } from "@/tests/support/test-database";
import { createLeaseQueue } from "../jobs/lease-queue";
import { createTaskService, type TaskService } from "./task-service";
import { createGuards } from "../limits/guards";
import { createTaskStore, type TaskStore } from "./task-store";

const alice: Viewer = { userId: "usr_alice", role: "member" };
const bob: Viewer = { userId: "usr_bob", role: "member" };
const boss: Viewer = { userId: "usr_boss", role: "owner" };

let dir: string;
let db: Kysely<Database>;
let store: TaskStore;
let service: TaskService;
let frame: Asset;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "task-ownership-"));
  db = await openTestDatabase(dir);
  const blobs = createFileBlobStore(path.join(dir, "blobs"));
  const assets = createAssetService(db, blobs);
  store = createTaskStore(db);
  // No provider at all: every call below must be settled by ownership before anything is sent.
  const env = { TASK_REFRESH_MS: 1_000, PUBLIC_BASE_URL: undefined, hasKlingCredentials: false } as Env;
  const guards = createGuards(db, { ...env, STORAGE_QUOTA_MB: 100, RATE_TASKS_PER_MINUTE: 100, RATE_PREVIEW_TASKS_PER_MINUTE: 100, RATE_UPLOADS_PER_HOUR: 100, RATE_DRY_RUNS_PER_MINUTE: 100 } as Env);
  service = createTaskService({ env, store, assets, blobs, providers: {}, secret: "s".repeat(32), log: pino({ level: "silent" }), guards, monthlyBudget: async () => null,
    jobs: createLeaseQueue(db, { log: pino({ level: "silent" }), pollMs: 1_000 }),
  });
  frame = await assets.create(await makeImage(640, 360), alice);
  const now = new Date().toISOString();
  await store.forViewer(alice).insert({
    id: "tsk_alice", status: "succeed", status_message: "", status_code: "", provider: "preview", recipe_json: JSON.stringify({ version: 1, model: "kling-v1", mode: "std", duration: "5", startFrame: frame.id }),
    upstream_task_id: "up", callback_token: "token-alice", send_attempts: 1, video_json: null, upstream_video_url: null, units: null,
    created_at: now, updated_at: now, submitted_at: now, finished_at: now, checked_at: now,
  });
});

afterAll(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: { status: number; code: string; field?: string }) => ({ status: error.status, code: error.code, field: error.field }));

describe("task service ownership", () => {
  it("refuses another user's frame or mask as a missing asset, naming the field", async () => {
    expect(await failure(service.create(bob, { version: 1, provider: "preview", startFrame: frame.id }))).toEqual({ status: 422, code: "asset-not-found", field: "startFrame" });
    expect(await failure(service.create(bob, { version: 1, provider: "preview", startFrame: "nosuchasset0" }))).toEqual({ status: 422, code: "asset-not-found", field: "startFrame" });
    const withMask = { version: 1, provider: "preview", regions: [{ mask: { asset: frame.id }, trajectory: [{ x: 1, y: 1 }, { x: 9, y: 9 }] }] };
    expect(await failure(service.create(bob, withMask))).toEqual({ status: 422, code: "asset-not-found", field: "regions[0].mask.asset" });
    // The owner too must use their own uploads to create.
    expect(await failure(service.create(boss, { version: 1, provider: "preview", tailFrame: frame.id }))).toEqual({ status: 422, code: "asset-not-found", field: "tailFrame" });
  });

  it("answers 404 to another member for every read and write by id, and lists nothing of theirs", async () => {
    // One call at a time: a rejection made before its handler is attached would be an unhandled one.
    for (const call of [() => service.get(bob, "tsk_alice"), () => service.delete(bob, "tsk_alice"), () => service.videoKey(bob, "tsk_alice"), () => service.posterKey(bob, "tsk_alice")]) {
      expect(await failure(call())).toMatchObject({ status: 404, code: "not-found" });
    }
    expect((await service.list(bob, "own", 10)).tasks).toEqual([]);
    expect((await service.list(alice, "own", 10)).tasks.map((task) => task.id)).toEqual(["tsk_alice"]);
    expect(await store.system.get("tsk_alice")).not.toBeNull();
  });

  it("lets the owner open anyone's task and list everyone's with scope all", async () => {
    expect((await service.get(boss, "tsk_alice")).id).toBe("tsk_alice");
    expect((await service.list(boss, "own", 10)).tasks).toEqual([]);
    expect((await service.list(boss, "all", 10)).tasks.map((task) => task.id)).toEqual(["tsk_alice"]);
    expect(await failure(service.videoKey(boss, "tsk_alice"))).toMatchObject({ status: 409 });
  });

  it("estimates from the viewer's own history only", async () => {
    const key = { model: "kling-v1", mode: "std", duration: "5" } as const;
    expect((await service.estimate(alice, "preview", key)).samples).toBe(1);
    expect((await service.estimate(bob, "preview", key)).samples).toBe(0);
  });
});
