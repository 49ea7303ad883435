import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { ownerFetch } from "../support/owner-fetch";
import { getTask, makeImage, motionBrushRecipe, postTask, uploadAsset, waitForTask, type ApiTask } from "../support/fixtures";

let app: AppServer;
let frame: string;
beforeAll(async () => {
  app = await startApp();
  frame = (await uploadAsset(app.url, await makeImage(640, 360, { square: { x: 60, y: 60, size: 80, color: "#e03030" } }))).id;
});
afterAll(async () => {
  await app?.stop();
});

type ErrorBody = { error: { code: string; message: string; field?: string } };

describe("tasks on the preview engine", () => {
  it("creates a task that reaches succeed with a playable MP4 served with ranges", async () => {
    const created = await postTask(app.url, motionBrushRecipe(frame));
    expect(created.status).toBe(201);
    const { task } = (await created.json()) as { task: ApiTask };
    expect(["queued", "submitted", "processing"]).toContain(task.status);
    expect(task.provider).toBe("preview");

    const done = await waitForTask(app.url, task.id);
    expect(done.status).toBe("succeed");
    expect(done.video).toMatchObject({ url: `/api/tasks/${task.id}/video`, durationS: expect.closeTo(5, 0) });
    expect(done.video!.width % 2).toBe(0);

    const whole = await ownerFetch(`${app.url}${done.video!.url}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");

    const part = await ownerFetch(`${app.url}${done.video!.url}`, { headers: { range: "bytes=0-99" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-99/${bytes.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
  });

  it("lists tasks newest first with a cursor", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { task } = (await (await postTask(app.url, { version: 1, provider: "preview", startFrame: frame, prompt: `list ${i}` })).json()) as { task: ApiTask };
      ids.push(task.id);
    }
    const first = (await (await ownerFetch(`${app.url}/api/tasks?limit=2`)).json()) as { tasks: ApiTask[]; nextCursor: string | null };
    expect(first.tasks.map((t) => t.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).toBeTruthy();
    const second = (await (await ownerFetch(`${app.url}/api/tasks?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`)).json()) as { tasks: ApiTask[] };
    expect(second.tasks[0]?.id).toBe(ids[0]);
  });

  const badRecipes: Array<[string, () => unknown, number, string, RegExp]> = [
    ["an unknown field", () => ({ version: 1, startFrame: frame, colour: "red" }), 400, "", /colour|unrecognized/i],
    ["a newer version", () => ({ version: 99, startFrame: frame }), 400, "version", /version 99, from a newer Motion Studio/],
    ["no frame at all", () => ({ version: 1, provider: "preview" }), 422, "startFrame", /start frame or a tail frame/],
    ["an unknown asset", () => ({ version: 1, provider: "preview", startFrame: "nosuchasset123" }), 422, "startFrame", /does not exist/],
    ["a one-point trajectory", () => motionBrushRecipe(frame, { regions: [{ mask: { strokes: [{ op: "paint", size: 40, points: [{ x: 100, y: 100 }] }] }, trajectory: [{ x: 100, y: 100 }] }] }), 422, "regions[0].trajectory", /at least 2 points/],
    ["two camera axes", () => ({ version: 1, provider: "preview", model: "kling-v1-5", mode: "pro", startFrame: frame, camera: { type: "simple", config: { horizontal: 2, vertical: 0, pan: 3, tilt: 0, roll: 0, zoom: 0 } } }), 422, "camera.config", /exactly one axis/],
    ["motion brush on kling-v2-1", () => motionBrushRecipe(frame, { model: "kling-v2-1", mode: "pro" }), 422, "regions", /motion brush/i],
    ["motion brush at 10 s", () => motionBrushRecipe(frame, { duration: "10" }), 422, "regions", /5 s/],
    ["a prompt over 2500 characters", () => ({ version: 1, startFrame: frame, prompt: "x".repeat(2501) }), 400, "prompt", /2500/],
    ["the kling provider without credentials", () => ({ version: 1, provider: "kling", startFrame: frame }), 422, "provider", /not configured/],
  ];

  it.each(badRecipes)("refuses %s naming the field and the rule", async (_name, recipe, status, field, message) => {
    const response = await postTask(app.url, recipe());
    expect(response.status).toBe(status);
    const { error } = (await response.json()) as ErrorBody;
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it("accepts a v1 recipe (straight paths) and a v2 one (named, smooth) alike, answering with today's version", async () => {
    const path = [{ x: 100, y: 100 }, { x: 200, y: 60 }, { x: 300, y: 120 }];
    const v1 = motionBrushRecipe(frame, { regions: [{ mask: { strokes: [{ op: "paint", size: 40, points: [{ x: 100, y: 100 }] }] }, trajectory: path }] });
    const v2 = { ...v1, version: 2, regions: [{ ...v1.regions![0]!, name: " kite ", curve: "smooth" }] };
    const [old, current] = await Promise.all([postTask(app.url, v1), postTask(app.url, v2)]);
    expect([old.status, current.status]).toEqual([201, 201]);
    const oldTask = ((await old.json()) as { task: ApiTask }).task;
    const currentTask = ((await current.json()) as { task: ApiTask }).task;
    expect(oldTask.recipe).toMatchObject({ version: 2, regions: [{ name: "", curve: "straight", trajectory: path }] });
    expect(currentTask.recipe).toMatchObject({ version: 2, regions: [{ name: "kite", curve: "smooth", trajectory: path }] });
    // Read back from the database, too.
    expect((await getTask(app.url, oldTask.id)).recipe).toEqual(oldTask.recipe);
  });

  it("refuses malformed JSON with 400", async () => {
    const response = await ownerFetch(`${app.url}/api/tasks`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("invalid-json");
  });

  it("answers 404 for an unknown task, an unknown video and an unknown callback token", async () => {
    expect((await ownerFetch(`${app.url}/api/tasks/tsk_nope`)).status).toBe(404);
    expect((await ownerFetch(`${app.url}/api/tasks/tsk_nope/video`)).status).toBe(404);
    const callback = await fetch(`${app.url}/api/callbacks/kling/not-a-token`, { method: "POST", body: "{}" });
    expect(callback.status).toBe(404);
  });

  it("answers 409 for the video of an unfinished task", async () => {
    const slow = await startApp({ env: { ENGINE_STEP_MS: "5000" } });
    try {
      const asset = await uploadAsset(slow.url, await makeImage(640, 360));
      const { task } = (await (await postTask(slow.url, { version: 1, provider: "preview", startFrame: asset.id })).json()) as { task: ApiTask };
      const response = await ownerFetch(`${slow.url}/api/tasks/${task.id}/video`);
      expect(response.status).toBe(409);
      expect((await getTask(slow.url, task.id)).video).toBeNull();
    } finally {
      await slow.stop();
    }
  });
});
