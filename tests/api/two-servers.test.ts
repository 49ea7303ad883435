import { afterEach, describe, expect, it, onTestFailed } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { ownerFetch, useOwnerSession } from "../support/owner-fetch";
import { makeImage, postTask, uploadAsset, waitForTask, type ApiTask } from "../support/fixtures";
import { startRecordingKling, type RecordingKling, type RecordingKlingOptions } from "../support/recording-kling";

/**
 * Two app servers on one database never send a queued task twice. Replicas share a database on
 * Postgres, as deployed: this file runs in the postgres project only (vitest.config.ts).
 */

const API_KEY = "sk-outcomes-4d8e2b7a19c3";
const running: Array<{ stop: () => Promise<void> } | { close: () => Promise<void> }> = [];

afterEach(async () => {
  for (const item of running.splice(0).reverse()) await ("stop" in item ? item.stop() : item.close());
});

async function upstream(options: RecordingKlingOptions): Promise<RecordingKling> {
  const kling = await startRecordingKling(options);
  running.push(kling);
  return kling;
}

async function app(kling: RecordingKling, env: Record<string, string> = {}, dataDir?: string): Promise<AppServer> {
  const server = await startApp({ env: { KLING_API_BASE_URL: `${kling.url}/kling`, KLING_API_KEY: API_KEY, ...env }, dataDir });
  running.push(server);
  // A failure in CI is explained by what the server logged.
  onTestFailed(() => console.error(`server ${server.url} logged:\n${server.logs().slice(-8000)}`));
  return server;
}

async function createTask(url: string, prompt = "a kite"): Promise<ApiTask> {
  const frame = await uploadAsset(url, await makeImage(640, 360));
  const response = await postTask(url, { version: 1, provider: "kling", startFrame: frame.id, prompt });
  expect(response.status).toBe(201);
  return ((await response.json()) as { task: ApiTask }).task;
}

const externalIds = (kling: RecordingKling) => kling.tasks().map((task) => task.external_task_id);

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
