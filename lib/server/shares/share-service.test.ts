import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssetService } from "../assets/asset-service";
import { openDatabase, type AssetRow, type Database, type TaskRow } from "../storage/db";
import { createTaskStore, type TaskStore } from "../tasks/task-store";
import { createShareService, type ShareService } from "./share-service";

let dir: string;
let db: Kysely<Database>;
let store: TaskStore;
let service: ShareService;

const frame: AssetRow = { id: "frameasset01", mime: "image/jpeg", width: 640, height: 360, bytes: 1, created_at: "2026-11-27T10:00:00.000Z" };
const assets = { find: async (id: string) => (id === frame.id ? frame : null) } as unknown as AssetService;

function task(id: string, status: string, video = status === "succeed"): TaskRow {
  const now = new Date().toISOString();
  return {
    id, status, status_message: "", status_code: "", provider: "preview", callback_token: `token-${id}`, send_attempts: 1,
    recipe_json: JSON.stringify({ version: 1, provider: "preview", model: "kling-v1", mode: "std", duration: "5", prompt: "secret prompt", negativePrompt: "", startFrame: frame.id, tailFrame: null, staticMask: null, regions: [], camera: null, cfgScale: 0.5 }),
    upstream_task_id: `upstream-${id}`, video_json: video ? JSON.stringify({ durationS: 5, width: 640, height: 360, bytes: 10 }) : null,
    upstream_video_url: null, units: "1", created_at: now, updated_at: now, submitted_at: now, finished_at: now, checked_at: now,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "share-service-"));
  db = await openDatabase(dir);
  store = createTaskStore(db);
  service = createShareService({ shares: store.shares, tasks: store, assets, publicBaseUrl: undefined });
  for (const row of [task("tsk_done", "succeed"), task("tsk_running", "processing"), task("tsk_failed", "failed")]) await store.insert(row);
});
afterAll(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

const status = (promise: Promise<unknown>) => promise.then(() => 0, (error: { status?: number }) => error.status);

describe("share service", () => {
  it("refuses to share a task without a video (409) and an unknown task (404)", async () => {
    expect(await status(service.create("tsk_running", { showPrompt: false }))).toBe(409);
    expect(await status(service.create("tsk_failed", { showPrompt: false }))).toBe(409);
    expect(await status(service.create("tsk_nope", { showPrompt: false }))).toBe(404);
  });

  it("creates one live link per task and updates its prompt setting when shared again", async () => {
    const first = await service.create("tsk_done", { showPrompt: false });
    expect(first.created).toBe(true);
    expect(first.share).toMatchObject({ url: `/s/${first.share.slug}`, showPrompt: false });
    const again = await service.create("tsk_done", { showPrompt: true });
    expect(again).toMatchObject({ created: false, share: { slug: first.share.slug, showPrompt: true } });
    expect((await service.getPublic(first.share.slug))?.recipe.prompt).toBe("secret prompt");
    expect(await service.listForTask("tsk_done")).toHaveLength(1);
  });

  it("revokes for good: the slug stops resolving, a second revoke is 404, and a new share gets a new slug", async () => {
    const [live] = await service.listForTask("tsk_done");
    await service.revoke(live!.slug);
    expect(await service.getPublic(live!.slug)).toBeNull();
    expect(await status(service.revoke(live!.slug))).toBe(404);
    const next = await service.create("tsk_done", { showPrompt: false });
    expect(next.created).toBe(true);
    expect(next.share.slug).not.toBe(live!.slug);
  });

  it("answers null for guessed and malformed slugs", async () => {
    expect(await service.getPublic("AAAAAAAAAAAAAAAAAAAAA")).toBeNull();
    expect(await service.getPublic("../../etc/passwd")).toBeNull();
    expect(await status(service.requirePublic("AAAAAAAAAAAAAAAAAAAAA"))).toBe(404);
  });

  it("stops resolving once the task is deleted with its links", async () => {
    const [live] = await service.listForTask("tsk_done");
    await store.shares.deleteByTask("tsk_done");
    await store.delete("tsk_done");
    expect(await service.getPublic(live!.slug)).toBeNull();
  });
});
