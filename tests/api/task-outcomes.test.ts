import { afterEach, describe, expect, it } from "vitest";
import { freePort, startApp } from "../support/app-server";
import { API_KEY, app, createTask, externalIds, remember, stopAll, upstream } from "../support/kling-apps";
import { ownerFetch } from "../support/owner-fetch";
import { getTask, waitForTask } from "../support/fixtures";

/**
 * A paid task is never lost and never paid twice: each fault of a Kling-compatible server over real HTTP
 * ends with exactly one upstream task and the creator seeing its true outcome.
 */

afterEach(stopAll);

describe("a create whose outcome is unknown is adopted, never failed or re-paid", () => {
  it.each([
    ["code 0 with task_info and task_status_msg null", "null-fields"],
    ["code 0 with a body that does not parse", "unparseable"],
    ["an HTML gateway page", "html"],
    ["a refusal as a duplicate external_task_id", "duplicate"],
  ] as const)("%s", async (_name, fault) => {
    const kling = await upstream({ createFaults: [fault], queriesUntilDone: 2 });
    const server = await app(kling);
    const task = await createTask(server.url);
    const done = await waitForTask(server.url, task.id);
    expect(done.status).toBe("succeed");
    expect(done.video).not.toBeNull();
    expect(externalIds(kling)).toEqual([task.id]);
    expect(done.upstreamTaskId).toBe(kling.tasks()[0]?.task_id);
  });

  it("finds the task through the query form on a server that offers only ?external_task_id=", async () => {
    const kling = await upstream({ createFaults: ["unparseable"], lookup: "query-only", queriesUntilDone: 2 });
    const server = await app(kling);
    const task = await createTask(server.url);
    expect((await waitForTask(server.url, task.id)).status).toBe("succeed");
    expect(externalIds(kling)).toEqual([task.id]);
    expect(kling.requests.some((request) => request.path.includes(`?external_task_id=${task.id}`))).toBe(true);
  });

  it("finds the task in the newest list page on a server that answers no lookup by external id", async () => {
    const kling = await upstream({ createFaults: ["html"], lookup: "list-only", queriesUntilDone: 2 });
    const server = await app(kling);
    const task = await createTask(server.url);
    expect((await waitForTask(server.url, task.id)).status).toBe("succeed");
    expect(externalIds(kling)).toEqual([task.id]);
    expect(kling.requests.some((request) => request.path.includes("pageNum=1"))).toBe(true);
  });

  it("creates one task when the create answer comes after our timeout", async () => {
    const kling = await upstream({ createFaults: ["timeout"], delayMs: 2_500, queriesUntilDone: 2 });
    const server = await app(kling, { KLING_TIMEOUT_MS: "1000" });
    const task = await createTask(server.url);
    expect((await waitForTask(server.url, task.id)).status).toBe("succeed");
    expect(externalIds(kling)).toEqual([task.id]);
  });
});

describe("callbacks", () => {
  it("coalesce with viewers: at most one upstream query per task per TASK_REFRESH_MS", async () => {
    const refreshMs = 1_000;
    const kling = await upstream({});
    const port = await freePort();
    const server = await startApp({
      port,
      env: { KLING_API_BASE_URL: `${kling.url}/kling`, KLING_API_KEY: API_KEY, PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, TASK_REFRESH_MS: String(refreshMs) },
    });
    remember(server);
    const task = await createTask(server.url);
    const callbackUrl = (kling.creates()[0]?.body as { callback_url: string }).callback_url;
    const upstreamId = kling.tasks()[0]!.task_id;
    const before = kling.queriesOf(upstreamId);
    const started = Date.now();
    const callback = () => fetch(callbackUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ task_id: upstreamId, task_status: "processing" }) });
    // Ten at once, then ten spread over a few refresh windows, with viewers polling in between.
    const answers = await Promise.all(Array.from({ length: 10 }, callback));
    for (let i = 0; i < 10; i += 1) {
      answers.push(await callback());
      await getTask(server.url, task.id);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const elapsed = Date.now() - started;
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    const queries = kling.queriesOf(upstreamId) - before;
    console.log(`20 callbacks + 10 views in ${elapsed} ms cost ${queries} upstream queries (refresh window ${refreshMs} ms)`);
    expect(queries).toBeLessThanOrEqual(1 + Math.floor(elapsed / refreshMs));
  });
});

describe("secrets stay out", () => {
  it("an upstream echoing the key in task_status_msg does not put it in the task, the list or /library", async () => {
    const kling = await upstream({ queriesUntilDone: 1, failWith: (authorization) => `token ${authorization.replace(/^Bearer /, "")} is not allowed to use this model` });
    const server = await app(kling);
    const task = await createTask(server.url);
    const done = await waitForTask(server.url, task.id);
    expect(done.status).toBe("failed");
    expect(done.statusMessage).toBe("token [redacted] is not allowed to use this model");
    const pages = await Promise.all([
      ownerFetch(`${server.url}/api/tasks/${task.id}`).then((response) => response.text()),
      ownerFetch(`${server.url}/api/tasks`).then((response) => response.text()),
      ownerFetch(`${server.url}/library`).then((response) => response.text()),
    ]);
    for (const page of pages) expect(page).not.toContain(API_KEY);
    expect(pages[1]).toContain("[redacted]");
    expect(server.logs()).not.toContain(API_KEY);
  });
});
