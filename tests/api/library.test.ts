import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { ownerFetch } from "../support/owner-fetch";
import { makeImage, motionBrushRecipe, postTask, uploadAsset, waitForTask, type ApiTask } from "../support/fixtures";

type Estimate = { samples: number; typicalSeconds: number | null; typicalUnits: number | null };
type ErrorBody = { error: { code: string; message: string; field?: string } };

let app: AppServer;
let frame: string;

async function createTask(recipe: unknown): Promise<ApiTask> {
  const response = await postTask(app.url, recipe);
  expect(response.status).toBe(201);
  return ((await response.json()) as { task: ApiTask }).task;
}

async function finishedTask(overrides: Record<string, unknown> = {}): Promise<ApiTask> {
  const task = await waitForTask(app.url, (await createTask(motionBrushRecipe(frame, overrides))).id);
  expect(task.status).toBe("succeed");
  return task;
}

async function estimate(query: string): Promise<Response> {
  return ownerFetch(`${app.url}/api/estimates?${query}`);
}

const blob = (key: string) => path.join(app.dataDir, "blobs", key);

beforeAll(async () => {
  // The first render hangs, so the first task stays "processing" for the whole file.
  app = await startApp({ env: { ENGINE_FAULTS: "render:delay=60000" } });
  frame = (await uploadAsset(app.url, await makeImage(640, 360, { square: { x: 60, y: 60, size: 80, color: "#e03030" } }))).id;
});
afterAll(async () => {
  // SIGKILL: a graceful stop could wait on the render that was made to hang on purpose.
  await app?.kill();
});

describe("estimates from history", () => {
  it("answers nulls, never invented numbers, when there is no finished task", async () => {
    const response = await estimate("model=kling-v1&mode=std&duration=5");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ samples: 0, typicalSeconds: null, typicalUnits: null });
  });

  it("answers the typical time and units once a task with those settings has finished", async () => {
    const running = await createTask(motionBrushRecipe(frame, { prompt: "hangs" }));
    // An unfinished task is no evidence.
    expect(await (await estimate("model=kling-v1&mode=std&duration=5")).json()).toMatchObject({ samples: 0 });
    expect(running.status).not.toBe("succeed");

    await finishedTask();
    const body = (await (await estimate("model=kling-v1&mode=std&duration=5&provider=preview")).json()) as Estimate;
    expect(body.samples).toBe(1);
    expect(body.typicalSeconds).toBeGreaterThan(0);
    expect(body.typicalSeconds).toBeLessThan(60);
    // The preview engine charges 1 unit for std 5 s (lib/server/engine/task-record.ts).
    expect(body.typicalUnits).toBe(1);

    expect(await (await estimate("model=kling-v1&mode=pro&duration=5")).json()).toEqual({ samples: 0, typicalSeconds: null, typicalUnits: null });
    expect(await (await estimate("model=kling-v1&mode=std&duration=5&provider=kling")).json()).toMatchObject({ samples: 0 });
  });

  it.each([
    ["model=kling-v9&mode=std&duration=5", "model"],
    ["model=kling-v1&mode=fast&duration=5", "mode"],
    ["model=kling-v1&mode=std", "duration"],
    ["model=kling-v1&mode=std&duration=5&provider=other", "provider"],
  ])("refuses %s naming the field", async (query, field) => {
    const response = await estimate(query);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe(field);
  });
});

describe("posters", () => {
  it("are extracted once the video is stored (a job of their own) and served by task", async () => {
    const task = await finishedTask({ prompt: "poster" });
    await vi.waitFor(() => expect(existsSync(blob(`posters/${task.id}.jpg`))).toBe(true), { timeout: 20_000, interval: 200 });
    const response = await ownerFetch(`${app.url}/api/tasks/${task.id}/poster`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it("answer 409 for a task without a video and 404 for an unknown task", async () => {
    const running = await createTask({ version: 1, provider: "preview", startFrame: frame, prompt: "no video yet" });
    expect((await ownerFetch(`${app.url}/api/tasks/${running.id}/poster`)).status).toBe(409);
    expect((await ownerFetch(`${app.url}/api/tasks/tsk_nope/poster`)).status).toBe(404);
  });
});

describe("deleting a task", () => {
  it("removes the task, its video, its poster and its share links", async () => {
    const task = await finishedTask({ prompt: "to delete" });
    const shared = await ownerFetch(`${app.url}/api/tasks/${task.id}/share`, { method: "POST" });
    const { share } = (await shared.json()) as { share: { slug: string } };
    expect(existsSync(blob(`videos/${task.id}.mp4`))).toBe(true);

    const response = await ownerFetch(`${app.url}/api/tasks/${task.id}`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(existsSync(blob(`videos/${task.id}.mp4`))).toBe(false);
    expect(existsSync(blob(`posters/${task.id}.jpg`))).toBe(false);
    expect((await ownerFetch(`${app.url}/api/tasks/${task.id}`)).status).toBe(404);
    expect((await fetch(`${app.url}/s/${share.slug}`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/shares/${share.slug}`)).status).toBe(404);
    // The frame is content-addressed and may serve other tasks and drafts: it stays.
    expect((await ownerFetch(`${app.url}/api/assets/${frame}`)).status).toBe(200);
    expect((await ownerFetch(`${app.url}/api/tasks/${task.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("refuses (409) to delete a task that is still running", async () => {
    const { tasks } = (await (await ownerFetch(`${app.url}/api/tasks?limit=100`)).json()) as { tasks: ApiTask[] };
    const running = tasks.find((task) => task.status !== "succeed" && task.status !== "failed");
    expect(running).toBeDefined();
    const response = await ownerFetch(`${app.url}/api/tasks/${running!.id}`, { method: "DELETE" });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error.code).toBe("task-running");
  });
});

describe("the library page", () => {
  it("lists tasks newest first and filters by status and provider through the query", async () => {
    const older = await finishedTask({ prompt: "library older" });
    const newer = await finishedTask({ prompt: "library newer" });
    const html = await (await ownerFetch(`${app.url}/library`)).text();
    expect(html.indexOf("library newer")).toBeGreaterThan(-1);
    expect(html.indexOf("library newer")).toBeLessThan(html.indexOf("library older"));
    expect(html).toContain(`/api/tasks/${newer.id}/poster`);
    expect(older.id).not.toBe(newer.id);

    const running = await (await ownerFetch(`${app.url}/library?status=running`)).text();
    expect(running).not.toContain("library newer");
    expect(running).toContain("hangs");

    const kling = await (await ownerFetch(`${app.url}/library?provider=kling`)).text();
    expect(kling).toContain("No task matches");

    // Unknown filter values are ignored rather than refused.
    expect((await ownerFetch(`${app.url}/library?status=bogus`)).status).toBe(200);
  });

  it("offers the owner Mine / Everyone, and lists everyone's tasks through scope=all", async () => {
    const task = await finishedTask({ prompt: "library everyone" });
    const html = await (await ownerFetch(`${app.url}/library`)).text();
    expect(html).toContain('href="/library?scope=all"');
    expect(await (await ownerFetch(`${app.url}/library?scope=all`)).text()).toContain("library everyone");
    const all = (await (await ownerFetch(`${app.url}/api/tasks?scope=all&limit=100`)).json()) as { tasks: Array<{ id: string }> };
    expect(all.tasks.map((t) => t.id)).toContain(task.id);
    expect((await ownerFetch(`${app.url}/api/tasks?scope=bogus`)).status).toBe(400);
  });
});
