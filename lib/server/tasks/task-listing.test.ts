import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskSort } from "@/lib/library/list-order";
import { decodeCursor, encodeCursor } from "@/lib/library/list-order";
import type { Viewer } from "../access/viewer";
import { openDatabase, type Database } from "../storage/db";
import type { NewTaskRow } from "./owned-task-store";
import { createTaskStore, type TaskStore } from "./task-store";

/** The store's sorts, search and take filter over a real SQLite database, paged one row at a time. */

const alice: Viewer = { userId: "usr_alice", role: "member" };
const bob: Viewer = { userId: "usr_bob", role: "member" };

let dir: string;
let db: Kysely<Database>;
let tasks: TaskStore;

function row(id: string, minute: number, title: string, prompt: string, startFrame = "frame-a"): NewTaskRow {
  const at = new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();
  return {
    id, title, status: "succeed", status_message: "", status_code: "", provider: "preview",
    recipe_json: JSON.stringify({ version: 1, prompt, startFrame }), upstream_task_id: null, callback_token: `token-${id}`, send_attempts: 1,
    video_json: null, upstream_video_url: null, units: null, created_at: at, updated_at: at, submitted_at: at, finished_at: at, checked_at: null,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "task-listing-"));
  db = await openDatabase(dir);
  tasks = createTaskStore(db);
  const own = tasks.forViewer(alice);
  await own.insert(row("tsk_1", 1, "banana boat", "a boat on a lake"));
  await own.insert(row("tsk_2", 2, "", "", "frame-b"));
  await own.insert(row("tsk_3", 3, "Apple tree", "wind in 100% of the leaves"));
  await own.insert(row("tsk_4", 4, "cherry", "a red KITE rises"));
  await tasks.forViewer(bob).insert(row("tsk_b", 5, "apple of bob", "kite"));
});

afterAll(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

/** Every row of a listing, fetched one per page through the cursors, as the routes do. */
async function allPages(sort: TaskSort, search?: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page += 1) {
    const [first] = await tasks.forViewer(alice).list(1, decodeCursor(cursor), { search }, sort);
    if (!first) break;
    seen.push(first.id);
    cursor = encodeCursor(first.sort_key, first.id);
  }
  return seen;
}

describe("task listings", () => {
  it.each([
    ["newest", ["tsk_4", "tsk_3", "tsk_2", "tsk_1"]],
    ["oldest", ["tsk_1", "tsk_2", "tsk_3", "tsk_4"]],
    // ASCII case ignored; the untitled task last.
    ["title", ["tsk_3", "tsk_1", "tsk_4", "tsk_2"]],
  ] as const)("sorts %s across pages", async (sort, expected) => {
    expect(await allPages(sort)).toEqual(expected);
  });

  it("searches the title and the prompt, case-insensitively, within the viewer's own", async () => {
    expect(await allPages("newest", "kite")).toEqual(["tsk_4"]);
    expect(await allPages("newest", "APPLE")).toEqual(["tsk_3"]);
    expect(await allPages("newest", "boat")).toEqual(["tsk_1"]);
    // LIKE's wildcards are literal: "100%" matches only the prompt that says it.
    expect(await allPages("newest", "100%")).toEqual(["tsk_3"]);
    expect(await allPages("newest", "_")).toEqual([]);
  });

  it("lists the takes of one start frame", async () => {
    const takes = await tasks.forViewer(alice).list(10, undefined, { startFrame: "frame-b" });
    expect(takes.map((task) => task.id)).toEqual(["tsk_2"]);
  });

  it("renames only the viewer's own tasks", async () => {
    expect(await tasks.forViewer(bob).rename("tsk_1", "stolen")).toBe(false);
    expect(await tasks.forViewer(alice).rename("tsk_1", "Boat")).toBe(true);
    expect((await tasks.forViewer(alice).get("tsk_1"))?.title).toBe("Boat");
  });
});
