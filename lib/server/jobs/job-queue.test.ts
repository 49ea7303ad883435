import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../storage/db";
import { openTestDatabase, testDatabaseUrl } from "@/tests/support/test-database";
import { createJobQueue } from "./create-job-queue";
import type { JobQueue } from "./job-queue";

/**
 * The job queue as two replicas see it: two queues on one database (the lease table on SQLite, pg-boss in
 * the Postgres project). Waiting for outcomes polls; nothing here asserts on timing.
 */
const log = pino({ level: "silent" });
let dir: string;
let db: Kysely<Database>;
let replicas: JobQueue[];

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "job-queue-"));
  db = await openTestDatabase(dir);
  const url = await testDatabaseUrl(dir);
  replicas = [await createJobQueue(db, url, { log, pollMs: 100 }), await createJobQueue(db, url, { log, pollMs: 100 })];
});

afterAll(async () => {
  await Promise.all(replicas.map((queue) => queue.stop()));
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

describe(`job queue`, () => {
  it(`runs each job once across two replicas, drops duplicates of waiting work, retries failures and repeats on request`, async () => {
    const runs = new Map<string, number>();
    let flakyFailures = 0;
    let repeats = 0;
    for (const queue of replicas) {
      await queue.work("task.send", async ({ taskId }) => {
        runs.set(taskId, (runs.get(taskId) ?? 0) + 1);
      });
      await queue.work("task.poster", async ({ taskId }) => {
        if (taskId === "flaky" && flakyFailures < 1) {
          flakyFailures += 1;
          throw new Error("first attempt fails");
        }
        runs.set(`poster-${taskId}`, (runs.get(`poster-${taskId}`) ?? 0) + 1);
      });
      await queue.work("task.refresh", async () => {
        repeats += 1;
        return repeats < 3 ? { againInMs: 10 } : undefined;
      });
    }
    // Two sends of each id before any worker polls (delayed): one job each.
    const ids = Array.from({ length: 10 }, (_, i) => `t${i}`);
    await Promise.all(ids.flatMap((taskId) => replicas.map((queue) => queue.send("task.send", { taskId }, { delayMs: 300 }))));
    await replicas[0]!.send("task.poster", { taskId: "flaky" });
    await replicas[1]!.send("task.refresh", { taskId: "loop" });
    await until(() => ids.every((id) => runs.has(id)), "every send job");
    await until(() => runs.has("poster-flaky"), "the retried job");
    await until(() => repeats >= 3, "the repeated job");
    // Give a duplicate a chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
    expect({ failures: flakyFailures, posterRuns: runs.get("poster-flaky"), repeats }).toEqual({ failures: 1, posterRuns: 1, repeats: 3 });
  }, 120_000);

  it(`drops an idle-only re-queue of a running job, and runs other tasks' jobs meanwhile`, async () => {
    const runs = new Map<string, number>();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    for (const queue of replicas) {
      await queue.work("task.video", async ({ taskId }) => {
        runs.set(taskId, (runs.get(taskId) ?? 0) + 1);
        if (taskId === "slow") await released;
      });
    }
    await replicas[0]!.send("task.video", { taskId: "slow" });
    await until(() => runs.has("slow"), "the slow job to start");
    // The sweep's re-queue while it runs: no twin that would run again (or, on pg-boss, stall the queue).
    await replicas[1]!.send("task.video", { taskId: "slow" }, { ifIdle: true });
    await replicas[1]!.send("task.video", { taskId: "other" }, { ifIdle: true });
    await until(() => runs.has("other"), "another task's job while the slow one runs");
    release();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(Object.fromEntries(runs)).toEqual({ slow: 1, other: 1 });
  }, 120_000);
});
