import { readdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage } from "@/tests/support/fixtures";
import { createAssetService, type AssetService } from "../assets/asset-service";
import { createFileBlobStore } from "../storage/folder-blob-store";
import type { Database } from "../storage/db";
import { openTestDatabase } from "@/tests/support/test-database";
import type { NewTaskRow } from "../tasks/owned-task-store";
import { createTaskStore, type TaskStore } from "../tasks/task-store";
import { adoptOrphans } from "./adopt-orphans";
import { idScope, listScope, type Viewer } from "./viewer";

const alice: Viewer = { userId: "usr_alice", role: "member" };
const bob: Viewer = { userId: "usr_bob", role: "member" };
const boss: Viewer = { userId: "usr_boss", role: "owner" };

let dir: string;
let db: Kysely<Database>;
let tasks: TaskStore;
let assets: AssetService;

function row(id: string, minute: number, status = "succeed"): NewTaskRow {
  const at = new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();
  return {
    id, status, status_message: "", status_code: "", provider: "preview", recipe_json: JSON.stringify({ version: 1, model: "kling-v1", mode: "std", duration: "5" }),
    upstream_task_id: null, callback_token: `token-${id}`, send_attempts: 1, video_json: null, upstream_video_url: null, units: "2",
    created_at: at, updated_at: at, submitted_at: at, finished_at: at, checked_at: null,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "ownership-"));
  db = await openTestDatabase(dir);
  tasks = createTaskStore(db);
  assets = createAssetService(db, createFileBlobStore(path.join(dir, "blobs")));
  await tasks.forViewer(alice).insert(row("tsk_a1", 1));
  await tasks.forViewer(alice).insert(row("tsk_a2", 3));
  await tasks.forViewer(bob).insert(row("tsk_b1", 2));
});

afterAll(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

describe("tasks by viewer", () => {
  it("records the creator as owner, whatever the row says", async () => {
    expect((await tasks.system.get("tsk_a1"))?.owner_id).toBe(alice.userId);
    expect((await tasks.system.get("tsk_b1"))?.owner_id).toBe(bob.userId);
  });

  it("gets, lists and samples only the viewer's own rows", async () => {
    expect(await tasks.forViewer(bob).get("tsk_a1")).toBeNull();
    expect((await tasks.forViewer(alice).get("tsk_a1"))?.id).toBe("tsk_a1");
    expect(ids(await tasks.forViewer(alice).list(10))).toEqual(["tsk_a2", "tsk_a1"]);
    expect(ids(await tasks.forViewer(bob).list(10))).toEqual(["tsk_b1"]);
    expect(await tasks.forViewer(alice).listSucceeded("preview", 10)).toHaveLength(2);
    expect(await tasks.forViewer(bob).listSucceeded("preview", 10)).toHaveLength(1);
    expect(await tasks.forViewer(boss).list(10)).toEqual([]);
  });

  it("pages within the viewer's rows", async () => {
    const [first] = await tasks.forViewer(alice).list(1);
    expect(ids(await tasks.forViewer(alice).list(10, { key: first!.sort_key, id: first!.id }))).toEqual(["tsk_a1"]);
  });

  it("widens to everyone's for the owner with scope all, never for a member", async () => {
    expect(ids(await tasks.forViewer(boss, "all").list(10))).toEqual(["tsk_a2", "tsk_b1", "tsk_a1"]);
    expect((await tasks.forViewer(boss, "all").get("tsk_b1"))?.id).toBe("tsk_b1");
    expect(ids(await tasks.forViewer(bob, "all").list(10))).toEqual(["tsk_b1"]);
    expect(await tasks.forViewer(bob, "all").get("tsk_a1")).toBeNull();
  });

  it("refuses another's delete and leaves the row", async () => {
    await tasks.forViewer(alice).insert(row("tsk_a3", 4));
    expect(await tasks.forViewer(bob).delete("tsk_a3")).toBe(false);
    expect(await tasks.system.get("tsk_a3")).not.toBeNull();
    expect(await tasks.forViewer(alice).delete("tsk_a3")).toBe(true);
    expect(await tasks.system.get("tsk_a3")).toBeNull();
  });

  it("scopes share rows by their task's owner", async () => {
    const share = { slug: "S".repeat(21), task_id: "tsk_a1", show_prompt: 0, created_at: new Date().toISOString(), revoked_at: null };
    expect(await tasks.shares.forViewer(bob).insert(share)).toBe(false);
    expect(await tasks.shares.forViewer(alice).insert(share)).toBe(true);
    expect(await tasks.shares.forViewer(bob).listActiveByTask("tsk_a1")).toEqual([]);
    expect(await tasks.shares.forViewer(alice).listActiveByTask("tsk_a1")).toHaveLength(1);
    await tasks.shares.forViewer(bob).setShowPrompt(share.slug, true);
    expect((await tasks.shares.system.findActive(share.slug))?.show_prompt).toBe(0);
    expect(await tasks.shares.forViewer(bob).revoke(share.slug)).toBe(false);
    expect(await tasks.shares.system.findActive(share.slug)).not.toBeNull();
    expect(await tasks.shares.forViewer(boss, "all").revoke(share.slug)).toBe(true);
    expect(await tasks.shares.system.findActive(share.slug)).toBeNull();
  });
});

describe("assets by viewer", () => {
  it("keeps one blob and one row for the same bytes, owned by each uploader", async () => {
    const image = await makeImage(400, 300, { square: { x: 20, y: 20, size: 60, color: "#ff0000" } });
    const mine = await assets.create(image, alice);
    expect(await assets.forViewer(bob).find(mine.id)).toBeNull();
    expect(await assets.forViewer(bob).read(mine.id)).toBeNull();
    await expect(assets.forViewer(bob).require(mine.id, "startFrame")).rejects.toMatchObject({ status: 422, code: "asset-not-found", field: "startFrame" });
    const theirs = await assets.create(image, bob);
    expect(theirs).toEqual(mine);
    expect((await assets.forViewer(bob).read(mine.id))?.length).toBe(mine.bytes);
    expect(await readdir(path.join(dir, "blobs", "assets"))).toEqual([mine.id]);
    const owners = await db.selectFrom("asset_owners").select("user_id").where("asset_id", "=", mine.id).orderBy("user_id").execute();
    expect(owners.map((o) => o.user_id)).toEqual([alice.userId, bob.userId]);
    expect(await db.selectFrom("assets").select("id").execute()).toHaveLength(1);
  });

  it("answers a missing asset and another's identically", async () => {
    const other = await assets.create(await makeImage(400, 300, { background: "#224422" }), alice);
    const failure = (id: string) => assets.forViewer(bob).require(id, "tailFrame").then(() => "found", (error: Error) => error.message.replace(id, "<id>"));
    expect(await failure(other.id)).toBe(await failure("nosuchasset0"));
    expect((await assets.forViewer(boss, "all").find(other.id))?.id).toBe(other.id);
    expect(await assets.forViewer(boss).find(other.id)).toBeNull();
  });
});

describe("orphans from before accounts", () => {
  it("go to the owner once, and only the ownerless ones", async () => {
    await tasks.system.insert({ ...row("tsk_old", 0), owner_id: null });
    await db.insertInto("assets").values({ id: "oldasset0001", mime: "image/png", width: 640, height: 360, bytes: 1, created_at: "2026-11-01T00:00:00.000Z" }).execute();
    expect(await tasks.forViewer(boss).get("tsk_old")).toBeNull();
    expect(await adoptOrphans({ tasks: tasks.system, assets }, boss.userId)).toEqual({ tasks: 1, assets: 1 });
    expect((await tasks.forViewer(boss).get("tsk_old"))?.id).toBe("tsk_old");
    expect((await assets.forViewer(boss).find("oldasset0001"))?.id).toBe("oldasset0001");
    expect(await tasks.forViewer(alice).get("tsk_a1")).not.toBeNull();
    expect(await adoptOrphans({ tasks: tasks.system, assets }, "usr_someone")).toEqual({ tasks: 0, assets: 0 });
  });
});

describe("scopes", () => {
  it("lets only the owner list everyone's and open anyone's by id", () => {
    expect(listScope(boss, "all")).toBe("all");
    expect(listScope(boss, undefined)).toBe("own");
    expect(() => listScope(alice, "all")).toThrow(expect.objectContaining({ status: 403 }));
    expect(listScope(alice, "own")).toBe("own");
    expect(idScope(boss)).toBe("all");
    expect(idScope(alice)).toBe("own");
  });
});
