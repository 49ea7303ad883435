import { afterEach, describe, expect, it } from "vitest";
import { app, createTask, externalIds, stopAll, upstream } from "../support/kling-apps";
import { ownerFetch, useOwnerSession } from "../support/owner-fetch";
import { waitForTask } from "../support/fixtures";

/**
 * Two app servers on one database never send a queued task twice. Replicas share a database on
 * Postgres, as deployed: this file runs in the postgres project only (vitest.config.ts).
 */

afterEach(stopAll);

describe("two app servers on one database", () => {
  it("never send the same queued task twice", async () => {
    // Every create is refused as busy at first, so the tasks wait in the queue both background loops read.
    const kling = await upstream({ createFaults: ["busy", "busy", "busy", "busy"], queriesUntilDone: 2 });
    // A short refresh window keeps the busy backoff (base = TASK_REFRESH_MS, doubling) within the wait.
    const fast = { TASK_REFRESH_MS: "1000" };
    const first = await app(kling, fast);
    const second = await app(kling, fast, first.dataDir);
    // Two servers contend for the database lock; an API key check writes (its last use), a session read does not.
    await Promise.all([useOwnerSession(first.url), useOwnerSession(second.url)]);
    await ownerFetch(`${second.url}/api/tasks`);
    const tasks = [];
    for (const prompt of ["one", "two", "three"]) tasks.push(await createTask(first.url, prompt));
    for (const task of tasks) expect((await waitForTask(second.url, task.id)).status).toBe("succeed");
    expect(kling.refusedDuplicates()).toBe(0);
    expect(externalIds(kling).sort()).toEqual(tasks.map((task) => task.id).sort());
  }, 90_000);
});
