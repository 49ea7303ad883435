import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage } from "@/tests/support/fixtures";
import type { Viewer } from "../access/viewer";
import { createAssetService, type Asset, type AssetService } from "../assets/asset-service";
import { createFileBlobStore } from "../storage/folder-blob-store";
import type { Database } from "../storage/db";
import { openTestDatabase } from "@/tests/support/test-database";
import type { NewTaskRow } from "../tasks/owned-task-store";
import { createTaskStore, type TaskStore } from "../tasks/task-store";
import { createShareService, type ShareService } from "./share-service";

const alice: Viewer = { userId: "usr_alice", role: "member" };
const bob: Viewer = { userId: "usr_bob", role: "member" };
const boss: Viewer = { userId: "usr_boss", role: "owner" };

let dir: string;
let db: Kysely<Database>;
let store: TaskStore;
let assets: AssetService;
let service: ShareService;
let frame: Asset;
let mask: Asset;

function task(id: string, status: string, video = status === "succeed"): NewTaskRow {
  const now = new Date().toISOString();
  const recipe = {
    version: 1, provider: "preview", model: "kling-v1", mode: "std", duration: "5", prompt: "secret prompt", negativePrompt: "", startFrame: frame.id, tailFrame: null,
    staticMask: null, regions: [{ mask: { asset: mask.id }, trajectory: [{ x: 1, y: 1 }, { x: 50, y: 50 }] }], camera: null, cfgScale: 0.5,
  };
  return {
    id, status, status_message: "", status_code: "", provider: "preview", callback_token: `token-${id}`, send_attempts: 1, recipe_json: JSON.stringify(recipe),
    upstream_task_id: `upstream-${id}`, video_json: video ? JSON.stringify({ durationS: 5, width: 640, height: 360, bytes: 10 }) : null,
    upstream_video_url: null, units: "1", created_at: now, updated_at: now, submitted_at: now, finished_at: now, checked_at: now,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "share-service-"));
  db = await openTestDatabase(dir);
  store = createTaskStore(db);
  assets = createAssetService(db, createFileBlobStore(path.join(dir, "blobs")));
  service = createShareService({ shares: store.shares, tasks: store, assets, publicBaseUrl: undefined });
  frame = await assets.create(await makeImage(640, 360), alice);
  mask = await assets.create(await makeImage(640, 360, { format: "png", background: "#000000", square: { x: 10, y: 10, size: 100, color: "#ffffff" } }), alice);
  for (const row of [task("tsk_done", "succeed"), task("tsk_running", "processing"), task("tsk_failed", "failed")]) await store.forViewer(alice).insert(row);
});

afterAll(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

const status = (promise: Promise<unknown>) => promise.then(() => 0, (error: { status?: number }) => error.status);

describe("share service", () => {
  it("refuses to share a task without a video (409) and an unknown task (404)", async () => {
    expect(await status(service.create(alice, "tsk_running", { showPrompt: false }))).toBe(409);
    expect(await status(service.create(alice, "tsk_failed", { showPrompt: false }))).toBe(409);
    expect(await status(service.create(alice, "tsk_nope", { showPrompt: false }))).toBe(404);
  });

  it("creates one live link per task and updates its prompt setting when shared again", async () => {
    const first = await service.create(alice, "tsk_done", { showPrompt: false });
    expect(first.created).toBe(true);
    expect(first.share).toMatchObject({ url: `/s/${first.share.slug}`, showPrompt: false });
    const again = await service.create(alice, "tsk_done", { showPrompt: true });
    expect(again).toMatchObject({ created: false, share: { slug: first.share.slug, showPrompt: true } });
    expect((await service.getPublic(first.share.slug))?.recipe.prompt).toBe("secret prompt");
    expect(await service.listForTask(alice, "tsk_done")).toHaveLength(1);
  });

  it("lets no other member share, list or revoke someone's links: all answer 404 like a missing one", async () => {
    const [live] = await service.listForTask(alice, "tsk_done");
    expect(await status(service.create(bob, "tsk_done", { showPrompt: false }))).toBe(404);
    expect(await status(service.listForTask(bob, "tsk_done"))).toBe(404);
    expect(await status(service.revoke(bob, live!.slug))).toBe(404);
    expect(await service.getPublic(live!.slug)).not.toBeNull();
    // The owner manages everyone's links.
    expect(await service.listForTask(boss, "tsk_done")).toEqual([live]);
  });

  it("shows the public no asset id, and serves the frame and masks by slug", async () => {
    const [live] = await service.listForTask(alice, "tsk_done");
    const page = (await service.getPage(live!.slug))!;
    const json = JSON.stringify(page);
    expect(json).not.toContain(frame.id);
    expect(json).not.toContain(mask.id);
    expect(page.share.frames.start).toEqual({ width: 640, height: 360, url: `/api/shares/${live!.slug}/frame` });
    expect(page.overlay?.layers[0]?.maskHref).toBe(`/api/shares/${live!.slug}/masks/region-0`);
    expect((await service.frame(live!.slug, "frame")).row.id).toBe(frame.id);
    expect((await service.mask(live!.slug, "region-0")).data.length).toBeGreaterThan(0);
    expect(await status(service.frame(live!.slug, "tail"))).toBe(404);
    expect(await status(service.mask(live!.slug, "static"))).toBe(404);
    expect(await status(service.mask(live!.slug, "region-9"))).toBe(404);
  });

  it("remix hands the frame and masks to the remixer, who may then send them", async () => {
    const [live] = await service.listForTask(alice, "tsk_done");
    expect(await assets.forViewer(bob).find(frame.id)).toBeNull();
    const remix = await service.remix(bob, live!.slug);
    expect(remix.frames.start).toEqual({ assetId: frame.id, width: 640, height: 360, url: `/api/assets/${frame.id}` });
    expect(remix.recipe).toMatchObject({ startFrame: frame.id, regions: [{ mask: { asset: mask.id } }] });
    expect((await assets.forViewer(bob).find(frame.id))?.id).toBe(frame.id);
    expect((await assets.forViewer(bob).find(mask.id))?.id).toBe(mask.id);
    // Bob's copy does not give him Alice's task.
    expect(await store.forViewer(bob).get("tsk_done")).toBeNull();
  });

  it("keeps a hidden prompt out of the remix too", async () => {
    const [live] = await service.listForTask(alice, "tsk_done");
    await service.create(alice, "tsk_done", { showPrompt: false });
    expect((await service.remix(bob, live!.slug)).recipe).toMatchObject({ prompt: "", negativePrompt: "" });
    await service.create(alice, "tsk_done", { showPrompt: true });
  });

  it("revokes for good: the slug stops resolving, a second revoke is 404, and a new share gets a new slug", async () => {
    const [live] = await service.listForTask(alice, "tsk_done");
    await service.revoke(alice, live!.slug);
    expect(await service.getPublic(live!.slug)).toBeNull();
    expect(await status(service.remix(bob, live!.slug))).toBe(404);
    expect(await status(service.revoke(alice, live!.slug))).toBe(404);
    const next = await service.create(alice, "tsk_done", { showPrompt: false });
    expect(next.created).toBe(true);
    expect(next.share.slug).not.toBe(live!.slug);
  });

  it("answers null for guessed and malformed slugs", async () => {
    expect(await service.getPublic("AAAAAAAAAAAAAAAAAAAAA")).toBeNull();
    expect(await service.getPublic("../../etc/passwd")).toBeNull();
    expect(await status(service.requirePublic("AAAAAAAAAAAAAAAAAAAAA"))).toBe(404);
  });

  it("stops resolving once the task is deleted with its links", async () => {
    const [live] = await service.listForTask(alice, "tsk_done");
    expect(await store.forViewer(bob).delete("tsk_done")).toBe(false);
    expect(await service.getPublic(live!.slug)).not.toBeNull();
    expect(await store.forViewer(alice).delete("tsk_done")).toBe(true);
    expect(await service.getPublic(live!.slug)).toBeNull();
  });
});

