import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, TaskRow } from "../storage/db";
import { openTestDatabase } from "@/tests/support/test-database";
import { createSystemTaskStore, SENDING, type SystemTaskStore } from "./task-store";

/**
 * Two stores on two connections to one database file stand for two processes sharing a DATA_DIR: the
 * claims are conditional UPDATEs, so SQLite lets exactly one of them win whatever the interleaving.
 */

const SECRET = "sk-claims-test-5a1e";
process.env.KLING_API_KEY = SECRET;
process.env.KLING_API_BASE_URL = "http://127.0.0.1:9/kling";

let dir: string;
let dbs: Kysely<Database>[];
let stores: SystemTaskStore[];

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)).toISOString();

function queuedRow(id: string, overrides: Partial<TaskRow> = {}): Omit<TaskRow, "version"> {
  return {
    id, status: "queued", status_message: "Sending…", status_code: SENDING, provider: "preview", recipe_json: "{}", upstream_task_id: null,
    callback_token: `token-${id}`, send_attempts: 0, video_json: null, upstream_video_url: null, units: null, created_at: at(0), updated_at: at(0),
    submitted_at: null, finished_at: null, checked_at: null, owner_id: null, title: "", ...overrides,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "task-claims-"));
  // Sequentially: the second open finds the schema already migrated.
  dbs = [await openTestDatabase(dir), await openTestDatabase(dir)];
  stores = dbs.map(createSystemTaskStore);
});

afterAll(async () => {
  await Promise.all(dbs.map((db) => db.destroy()));
  await rm(dir, { recursive: true, force: true });
});

describe("send claims across two connections", () => {
  it("lets exactly one of many concurrent claimants send a queued task", async () => {
    await stores[0]!.insert(queuedRow("t-race"));
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.claimSend("t-race", 0, at(1), at(61))));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const row = await stores[1]!.get("t-race");
    expect(row).toMatchObject({ send_attempts: 1, status_code: SENDING, checked_at: at(61) });
  });

  it("refuses a claim while the lease runs, and grants it once the lease has expired", async () => {
    await stores[0]!.insert(queuedRow("t-lease"));
    expect(await stores[0]!.claimSend("t-lease", 0, at(0), at(60))).toBe(true);
    // The other process, reading the row during the lease, is refused.
    expect(await stores[1]!.claimSend("t-lease", 1, at(30), at(90))).toBe(false);
    // The holder died: its lease ends, the other process takes over with the next attempt number.
    expect(await stores[1]!.claimSend("t-lease", 1, at(60), at(120))).toBe(true);
    expect((await stores[0]!.get("t-lease"))?.send_attempts).toBe(2);
  });

  it("refuses a claim based on a stale read (the attempt count moved on)", async () => {
    await stores[0]!.insert(queuedRow("t-stale"));
    expect(await stores[0]!.claimSend("t-stale", 0, at(0), at(1))).toBe(true);
    expect(await stores[1]!.claimSend("t-stale", 0, at(5), at(65))).toBe(false);
  });

  it("lets a renewal extend only the holder's own lease", async () => {
    await stores[0]!.insert(queuedRow("t-renew"));
    await stores[0]!.claimSend("t-renew", 0, at(0), at(60));
    await stores[0]!.renewLease("t-renew", 1, at(100));
    expect(await stores[1]!.claimSend("t-renew", 1, at(80), at(140))).toBe(false);
    await stores[1]!.claimSend("t-renew", 1, at(100), at(160));
    // The first holder's late renewal no longer matches its attempt.
    await stores[0]!.renewLease("t-renew", 1, at(500));
    expect((await stores[0]!.get("t-renew"))?.checked_at).toBe(at(160));
  });

  it("never claims a task that is not queued, and honours a backoff", async () => {
    await stores[0]!.insert(queuedRow("t-sent", { status: "submitted" }));
    expect(await stores[0]!.claimSend("t-sent", 0, at(0), at(60))).toBe(false);
    await stores[0]!.insert(queuedRow("t-busy", { status_code: "kling-1303", send_attempts: 1, checked_at: at(30) }));
    expect(await stores[1]!.claimSend("t-busy", 1, at(10), at(70))).toBe(false);
    await stores[0]!.endBackoffs();
    expect(await stores[1]!.claimSend("t-busy", 1, at(10), at(70))).toBe(true);
  });
});

describe("refresh claims", () => {
  it("grants one query per refresh window, however many ask at once", async () => {
    await stores[0]!.insert(queuedRow("t-run", { status: "processing", upstream_task_id: "u1", checked_at: at(0) }));
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.claimRefresh("t-run", at(10), at(5))));
    expect(first.filter(Boolean)).toHaveLength(1);
    // Within the window of that check (it happened at 10 s, the window is 5 s): nobody.
    expect(await stores[1]!.claimRefresh("t-run", at(12), at(7))).toBe(false);
    expect(await stores[1]!.claimRefresh("t-run", at(15), at(10))).toBe(true);
  });
});

describe("status writes", () => {
  it("are compare-and-set on the version: of two writers holding one read, only the first lands", async () => {
    await stores[0]!.insert(queuedRow("t-cas", { status: "processing", upstream_task_id: "u2" }));
    const read = (await stores[0]!.get("t-cas"))!;
    const results = await Promise.all([
      stores[0]!.update("t-cas", read.version, { status: "succeed", status_message: "" }),
      stores[1]!.update("t-cas", read.version, { status: "processing", status_message: "Generating the video." }),
    ]);
    expect(results.filter((result) => result.applied)).toHaveLength(1);
    const winner = results.find((result) => result.applied)!.row!;
    expect(await stores[1]!.get("t-cas")).toMatchObject({ status: winner.status, version: read.version + 1 });
    // A late writer with the old read cannot put a finished task back to running.
    expect((await stores[1]!.update("t-cas", read.version, { status: "processing" })).applied).toBe(false);
  });
});

describe("stored messages", () => {
  it("scrubs the API key from every status message written", async () => {
    await stores[0]!.insert(queuedRow("t-echo", { status_message: `relay says key ${SECRET} is odd` }));
    expect((await stores[0]!.get("t-echo"))?.status_message).toBe("relay says key [redacted] is odd");
    const { row: updated } = await stores[1]!.update("t-echo", 0, { status: "failed", status_message: `bad Bearer ${SECRET}` });
    expect(updated?.status_message).toBe("bad Bearer [redacted]");
  });
});
