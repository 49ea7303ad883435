import { SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RenderJob, RenderResult } from "@/lib/server/render/render-video";
import { serveFetch } from "@/tests/support/serve-fetch";
import { callbackReceiver, fakeRender, imageBase64, serveEngine, TEST_KEY, type ServedEngine, type TaskData, removeTempDirs } from "./testing";

/** Conformance of the engine's HTTP contract with kling-api.md, over real HTTP (video rendering stubbed). */

let image: string;
const open: Array<{ close(): Promise<void> }> = [];
async function engine(options: Parameters<typeof serveEngine>[0] = {}): Promise<ServedEngine> {
  const served = await serveEngine({ render: fakeRender, ...options });
  open.push(served);
  return served;
}

beforeAll(async () => {
  image = await imageBase64(640, 360);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
});

const CREATE = "/v1/videos/image2video";

afterAll(removeTempDirs);

describe("envelope and create", () => {
  it("answers a create with the Kling envelope and a submitted task", async () => {
    const { call } = await engine();
    const { status, body } = await call("POST", CREATE, { image, external_task_id: "ours-1" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 0, message: "SUCCEED" });
    expect(body.request_id).toMatch(/\S{8,}/);
    const data = body.data as TaskData;
    expect(data.task_id).toMatch(/^\d{12,}$/);
    expect(data.task_status).toBe("submitted");
    expect(data.task_info).toEqual({ external_task_id: "ours-1" });
    expect(Number.isInteger(data.created_at) && data.created_at > 1e12).toBe(true);
    expect(data.updated_at).toBe(data.created_at);
  });

  it("gives every request its own request_id and every task its own task_id", async () => {
    const { call } = await engine();
    const [a, b] = await Promise.all([call("POST", CREATE, { image }), call("POST", CREATE, { image })]);
    expect(a.body.request_id).not.toBe(b.body.request_id);
    expect((a.body.data as TaskData).task_id).not.toBe((b.body.data as TaskData).task_id);
  });

  it("answers errors with code, message and request_id but no data", async () => {
    const { call } = await engine();
    const { status, body } = await call("POST", CREATE, "{not json");
    expect(status).toBe(400);
    expect(body.code).toBe(1200);
    expect(Object.keys(body).sort()).toEqual(["code", "message", "request_id"]);
  });
});

describe("authentication", () => {
  const accessKey = "ak-test";
  const secretKey = "sk-test-secret-that-is-long-enough";
  const jwt = (claims: { exp?: number; nbf?: number; iss?: string }, secret = secretKey) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(claims.iss ?? accessKey)
      .setExpirationTime(claims.exp ?? now + 1800)
      .setNotBefore(claims.nbf ?? now - 5)
      .sign(new TextEncoder().encode(secret));
  };
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ["no Authorization header", async () => ({}), 1001],
    ["an unknown key", async () => ({ Authorization: "Bearer nope" }), 1002],
    ["a non-Bearer scheme", async () => ({ Authorization: `Basic ${TEST_KEY}` }), 1002],
    ["a JWT signed with another secret", async () => ({ Authorization: `Bearer ${await jwt({}, "another-secret-another-secret!!")}` }), 1002],
    ["a JWT from another access key", async () => ({ Authorization: `Bearer ${await jwt({ iss: "someone-else" })}` }), 1002],
    ["a JWT not valid yet", async () => ({ Authorization: `Bearer ${await jwt({ nbf: now() + 600 })}` }), 1003],
    ["an expired JWT", async () => ({ Authorization: `Bearer ${await jwt({ exp: now() - 60, nbf: now() - 1000 })}` }), 1004],
  ])("refuses %s with 401 and the matching code", async (_name, headers, code) => {
    const { url } = await engine({ accessKey, secretKey });
    const response = await fetch(`${url}${CREATE}`, { headers: await headers() });
    expect(response.status).toBe(401);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.code).toBe(code);
    expect(body).not.toHaveProperty("data");
  });

  it.each([
    ["the API key", async () => TEST_KEY],
    ["a valid JWT", async () => jwt({})],
  ])("accepts %s", async (_name, token) => {
    const { url } = await engine({ accessKey, secretKey });
    const response = await fetch(`${url}${CREATE}`, { headers: { Authorization: `Bearer ${await token()}` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { code: number }).code).toBe(0);
  });
});

describe("1201 naming the parameter", () => {
  const points = (n: number) => Array.from({ length: n }, (_, i) => ({ x: 10 + i, y: 20 + i }));
  const brush = (mask: string, n = 2) => ({ model_name: "kling-v1", mode: "pro", image, dynamic_masks: [{ mask, trajectories: points(n) }] });
  const cases: Array<[string, () => Promise<Record<string, unknown>>, string]> = [
    ["a data: prefix", async () => ({ image: `data:image/png;base64,${image}` }), "image"],
    ["78 trajectory points", async () => brush(image, 78), "dynamic_masks[0].trajectories"],
    ["1 trajectory point", async () => brush(image, 1), "dynamic_masks[0].trajectories"],
    ["camera simple with two axes", async () => ({ model_name: "kling-v1-5", mode: "pro", image, camera_control: { type: "simple", config: { pan: 2, zoom: 3 } } }), "camera_control.config"],
    ["a preset with config", async () => ({ model_name: "kling-v1-5", mode: "pro", image, camera_control: { type: "down_back", config: { zoom: 3 } } }), "camera_control"],
    ["a tail frame with the motion brush", async () => ({ ...brush(image), image_tail: image }), "image_tail"],
    ["an unknown model", async () => ({ model_name: "kling-v9", image }), "model_name"],
    ["a 2501-character prompt", async () => ({ image, prompt: "a".repeat(2501) }), "prompt"],
    ["a 2501-character negative prompt", async () => ({ image, negative_prompt: "a".repeat(2501) }), "negative_prompt"],
    ["duration as a number", async () => ({ image, duration: 5 }), "duration"],
    ["an unknown parameter", async () => ({ image, fps: 60 }), "fps"],
    ["no image at all", async () => ({ prompt: "hello" }), "image"],
    ["an image below 300 px", async () => ({ image: await imageBase64(299, 400) }), "image"],
    ["an image wider than 2.5:1", async () => ({ image: await imageBase64(1000, 300) }), "image"],
    ["a WebP image", async () => ({ image: await imageBase64(640, 360, "#fff", "webp") }), "image"],
    ["bytes that are not an image", async () => ({ image: Buffer.from("hello world, not a picture").toString("base64") }), "image"],
    ["an unreachable tail URL", async () => ({ model_name: "kling-v1", mode: "pro", image, image_tail: "http://127.0.0.1:9/tail.png" }), "image_tail"],
    ["a URL on a foreign host", async () => ({ image: "http://example.com/a.png" }), "image"],
    ["an undecodable mask", async () => brush(Buffer.from("nope").toString("base64")), "dynamic_masks[0].mask"],
  ];

  it.each(cases)("refuses %s", async (_name, makeBody, field) => {
    const { call } = await engine();
    const { status, body } = await call("POST", CREATE, await makeBody());
    expect(status).toBe(400);
    expect(body.code).toBe(1201);
    expect(body.message.startsWith(field)).toBe(true);
    expect(body.message.length).toBeGreaterThan(field.length + 5);
  });

  it("refuses a second task with the same external_task_id, and stores nothing", async () => {
    const { call } = await engine();
    expect((await call("POST", CREATE, { image, external_task_id: "dup" })).status).toBe(200);
    const second = await call("POST", CREATE, { image, external_task_id: "dup" });
    expect(second.body).toMatchObject({ code: 1201, message: "external_task_id: already exists" });
    expect((await call("GET", CREATE)).body.data).toHaveLength(1);
  });

  it("fetches an image given as a loopback URL", async () => {
    const { call } = await engine();
    const files = await serveFetch(async () => new Response(new Uint8Array(Buffer.from(image, "base64")), { headers: { "Content-Type": "image/png" } }));
    open.push(files);
    const created = await call("POST", CREATE, { image: `${files.url}/start.png` });
    expect(created.body.code).toBe(0);
  });
});

describe("concurrency slots", () => {
  it("answers 1303 when every slot is taken and accepts again once a task ends", async () => {
    const renders = blockingRender();
    const { call, waitForStatus } = await engine({ slots: 2, render: renders.render });
    const a = await call("POST", CREATE, { image });
    const b = await call("POST", CREATE, { image });
    expect([a.status, b.status]).toEqual([200, 200]);
    const refused = await call("POST", CREATE, { image });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 1303, message: "parallel task over resource pack limit" });

    renders.release();
    await waitForStatus((a.body.data as TaskData).task_id, "succeed");
    const accepted = await call("POST", CREATE, { image });
    expect(accepted.status).toBe(200);
    renders.release();
  });

  it("never lets concurrent creates take more slots than there are", async () => {
    const renders = blockingRender();
    const { call } = await engine({ slots: 3, render: renders.render });
    const answers = await Promise.all(Array.from({ length: 8 }, () => call("POST", CREATE, { image })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    expect(answers.filter((answer) => answer.body.code === 1303)).toHaveLength(5);
    renders.release();
  });
});

describe("task lifecycle", () => {
  it("moves submitted → processing → succeed, with a video, units and a callback at each change", async () => {
    const receiver = await callbackReceiver();
    open.push(receiver);
    const { call, waitForStatus, url } = await engine();
    const created = await call("POST", CREATE, { image, model_name: "kling-v1", mode: "pro", duration: "10", callback_url: receiver.url, external_task_id: "cb-1" });
    const { task_id: taskId } = created.body.data as TaskData;
    const done = await waitForStatus(taskId, "succeed");
    expect(done.task_status).toBe("succeed");
    expect(done.final_unit_deduction).toBe("7");
    const [video] = done.task_result?.videos ?? [];
    expect(video?.duration).toBe("10");
    expect(video?.url).toBe(`${url}/videos/${video?.id}.mp4`);

    await expect.poll(() => receiver.bodies.map((body) => body.task_status), { timeout: 10_000 }).toEqual(["submitted", "processing", "succeed"]);
    expect(receiver.bodies.every((body) => body.task_id === taskId && body.task_info.external_task_id === "cb-1")).toBe(true);
    expect(receiver.bodies[2]?.task_result?.videos[0]?.url).toBe(video?.url);
  });

  it.each([
    ["a mask whose aspect ratio differs from the image's", async () => ({ static_mask: await imageBase64(400, 400, "#fff") }), /static_mask: aspect ratio/],
    [
      "static and dynamic masks of different resolutions",
      async () => ({ static_mask: await imageBase64(640, 360, "#fff"), dynamic_masks: [{ mask: await imageBase64(320, 180, "#fff"), trajectories: [{ x: 1, y: 1 }, { x: 50, y: 60 }] }] }),
      /dynamic_masks\[0\]\.mask: resolution 320x180/,
    ],
  ])("accepts, then fails a task with %s", async (_name, masks, message) => {
    const { call, waitForStatus } = await engine();
    const created = await call("POST", CREATE, { image, model_name: "kling-v1", ...(await masks()) });
    expect(created.body.code).toBe(0);
    const done = await waitForStatus((created.body.data as TaskData).task_id, "failed");
    expect(done.task_status).toBe("failed");
    expect(done.task_status_msg).toMatch(message);
    expect(done.final_unit_deduction).toBe("0");
    expect(done.task_result).toBeUndefined();
  });

  it("lets matching masks through to success", async () => {
    const { call, waitForStatus } = await engine();
    const mask = await imageBase64(320, 180, "#fff");
    const created = await call("POST", CREATE, { image, model_name: "kling-v1", static_mask: mask, dynamic_masks: [{ mask, trajectories: [{ x: 1, y: 1 }, { x: 50, y: 60 }] }] });
    expect((await waitForStatus((created.body.data as TaskData).task_id, "succeed")).task_status).toBe("succeed");
  });
});

describe("queries and lists", () => {
  it("finds a task by task_id, by external_task_id in the path and by ?external_task_id=", async () => {
    const { call } = await engine();
    const created = await call("POST", CREATE, { image, external_task_id: "mine-42" });
    const { task_id: taskId } = created.body.data as TaskData;
    for (const path of [`${CREATE}/${taskId}`, `${CREATE}/mine-42`, `${CREATE}?external_task_id=mine-42`]) {
      const { status, body } = await call("GET", path);
      expect(status).toBe(200);
      expect((body.data as TaskData).task_id).toBe(taskId);
    }
    const missing = await call("GET", `${CREATE}/404404404`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe(1203);
  });

  it("lists tasks newest first, paginated, and checks the page parameters", async () => {
    let clock = 1_700_000_000_000;
    const { call } = await engine({ now: () => (clock += 1000) });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push(((await call("POST", CREATE, { image, external_task_id: `e${n}` })).body.data as TaskData).task_id);
    const page1 = await call("GET", `${CREATE}?pageNum=1&pageSize=2`);
    const page2 = await call("GET", `${CREATE}?pageNum=2&pageSize=2`);
    expect((page1.body.data as TaskData[]).map((task) => task.task_id)).toEqual([ids[2], ids[1]]);
    expect((page2.body.data as TaskData[]).map((task) => task.task_id)).toEqual([ids[0]]);
    for (const query of ["pageSize=501", "pageNum=0", "pageNum=abc"]) {
      const bad = await call("GET", `${CREATE}?${query}`);
      expect(bad.body.code).toBe(1201);
      expect(bad.body.message.startsWith(query.split("=")[0] ?? "")).toBe(true);
    }
  });

  it("answers 1202 to a wrong method and 1203 to an unknown path", async () => {
    const { call } = await engine();
    expect((await call("DELETE", CREATE)).body.code).toBe(1202);
    expect((await call("GET", "/v1/videos/text2video")).status).toBe(404);
  });

  it("serves the same contract below a base path", async () => {
    const { call } = await engine({ basePath: "/engine/kling" });
    const created = await call("POST", CREATE, { image });
    expect(created.body.code).toBe(0);
  });
});

describe("fault injection", () => {
  it("answers 5001 to the next two creates, storing nothing, then accepts", async () => {
    const { call } = await engine({ faults: "create:5001,create:5001" });
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await call("POST", CREATE, { image, external_task_id: "retry-me" }));
    expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual([
      [503, 5001],
      [503, 5001],
      [200, 0],
    ]);
    expect((await call("GET", CREATE)).body.data).toHaveLength(1);
  });

  it("fails one query with 5000, then answers again", async () => {
    const { call } = await engine({ faults: "query:5000" });
    const { task_id: taskId } = (await call("POST", CREATE, { image })).body.data as TaskData;
    expect((await call("GET", `${CREATE}/${taskId}`)).body.code).toBe(5000);
    expect((await call("GET", `${CREATE}/${taskId}`)).body.code).toBe(0);
  });

  it("stores a delayed create before answering, so a client timeout leaves a real task", async () => {
    const { call, url } = await engine({ faults: "create:delay=600000" });
    const client = new AbortController();
    const pending = fetch(`${url}${CREATE}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TEST_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ image, external_task_id: "slow-1" }),
      signal: client.signal,
    });
    await expect.poll(async () => (await call("GET", `${CREATE}/slow-1`)).body.code, { timeout: 10_000 }).toBe(0);
    client.abort();
    await expect(pending).rejects.toThrow();
    expect(((await call("GET", `${CREATE}?external_task_id=slow-1`)).body.data as TaskData).task_info.external_task_id).toBe("slow-1");
  });

  it("ends the next task failed with render:fail", async () => {
    const { call, waitForStatus } = await engine({ faults: "render:fail" });
    const first = await waitForStatus(((await call("POST", CREATE, { image })).body.data as TaskData).task_id, "failed");
    const second = await waitForStatus(((await call("POST", CREATE, { image })).body.data as TaskData).task_id, "succeed");
    expect([first.task_status, first.task_status_msg, second.task_status]).toEqual(["failed", "internal render error", "succeed"]);
  });

  it("refuses an invalid fault plan at start", async () => {
    await expect(serveEngine({ faults: "create:9999" })).rejects.toThrow(/create:9999/);
  });
});

/** A renderer whose renders wait until released, to hold slots open. */
function blockingRender() {
  const waiting: Array<() => void> = [];
  let released = false;
  return {
    render: async (job: RenderJob): Promise<RenderResult> => {
      if (!released) await new Promise<void>((resolve) => waiting.push(resolve));
      return fakeRender(job);
    },
    release() {
      released = true;
      waiting.splice(0).forEach((resolve) => resolve());
    },
  };
}
