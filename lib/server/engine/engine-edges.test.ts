import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderVideo, type RenderJob } from "@/lib/server/render/render-video";
import { postChunked } from "@/tests/support/chunked-post";
import { serveFetch } from "@/tests/support/serve-fetch";
import { URL_IMAGE_PROBLEM } from "./image-input";
import { callbackReceiver, fakeRender, imageBase64, removeTempDirs, serveEngine, TEST_KEY, type ServedEngine, type TaskData } from "./testing";

/** What real deployments throw at the engine: nulls, other hosts and proxies, huge bodies, full disks. */

const CREATE = "/v1/videos/image2video";
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
afterAll(removeTempDirs);

type RawAnswer = { status: number; body: { code: number; message: string; data?: unknown } };

/** node:http, because fetch() will not send a Host header of our choosing. */
function rawCall(base: string, method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${pathname}`, { method, headers: { Authorization: `Bearer ${TEST_KEY}`, "Content-Type": "application/json", ...headers } }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as RawAnswer["body"] }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function createdVideoUrl(served: ServedEngine, headers: Record<string, string>): Promise<{ created: string; queried: string | undefined }> {
  const created = await rawCall(served.url, "POST", CREATE, headers, JSON.stringify({ image }));
  const { task_id: taskId } = created.body.data as TaskData;
  await served.waitForStatus(taskId, "succeed");
  const queried = await rawCall(served.url, "GET", `${CREATE}/${taskId}`, headers);
  return { created: taskId, queried: (queried.body.data as TaskData).task_result?.videos[0]?.url };
}

describe("JSON null on optional fields", () => {
  it("reads every optional field sent as null as absent", async () => {
    const { call, waitForStatus } = await engine();
    const nulls = Object.fromEntries(
      ["model_name", "model", "image_tail", "prompt", "negative_prompt", "cfg_scale", "mode", "static_mask", "dynamic_masks", "camera_control", "duration", "callback_url", "external_task_id", "watermark_info", "sound", "voice_list", "aspect_ratio", "multi_shot"].map(
        (field) => [field, null],
      ),
    );
    const created = await call("POST", CREATE, { image, ...nulls });
    expect([created.status, created.body.code]).toEqual([200, 0]);
    const done = await waitForStatus((created.body.data as TaskData).task_id, "succeed");
    expect(done.task_result?.videos[0]?.duration).toBe("5");
  });

  it("reads nulls inside nested objects as absent too", async () => {
    const { call } = await engine();
    const body = { model_name: "kling-v1-5", mode: "pro", image, camera_control: { type: "simple", config: { pan: null, zoom: 4 } } };
    expect((await call("POST", CREATE, body)).body.code).toBe(0);
  });

  it.each([
    ["a number duration", { image, duration: 5 }, "duration"],
    ["multi_shot true", { image, multi_shot: true }, "multi_shot"],
    ["a null mask in a dynamic mask group", { model_name: "kling-v1", image, dynamic_masks: [{ mask: null, trajectories: [{ x: 1, y: 1 }, { x: 9, y: 9 }] }] }, "dynamic_masks[0].mask"],
    ["only nulls for both frames", { image: null, image_tail: null }, "image"],
  ])("still refuses %s, naming the field", async (_name, body, field) => {
    const { call } = await engine();
    const { status, body: answer } = await call("POST", CREATE, body);
    expect([status, answer.code]).toEqual([400, 1201]);
    expect(answer.message.startsWith(`${field}:`)).toBe(true);
  });
});

describe("URLs on the address the client called", () => {
  it("uses the Host header for the video URL, in the create's callbacks and in every answer", async () => {
    const receiver = await callbackReceiver();
    open.push(receiver);
    const served = await engine();
    const created = await rawCall(served.url, "POST", CREATE, { Host: "studio.example:8443" }, JSON.stringify({ image, callback_url: receiver.url }));
    const { task_id: taskId } = created.body.data as TaskData;
    await served.waitForStatus(taskId, "succeed");
    await expect.poll(() => receiver.bodies.length, { timeout: 10_000 }).toBe(3);
    expect(receiver.bodies[2]?.task_result?.videos[0]?.url).toMatch(/^http:\/\/studio\.example:8443\/videos\/[0-9a-f]{32}\.mp4$/);
    // A client elsewhere asking about the same task gets the address it used itself.
    const other = await rawCall(served.url, "GET", `${CREATE}/${taskId}`, { Host: "10.1.2.3:3000" });
    expect((other.body.data as TaskData).task_result?.videos[0]?.url).toMatch(/^http:\/\/10\.1\.2\.3:3000\/videos\//);
  });

  it("ignores X-Forwarded-Host/-Proto unless the proxy is trusted", async () => {
    const forwarded = { Host: "127.0.0.1:3000", "X-Forwarded-Host": "studio.example.com", "X-Forwarded-Proto": "https" };
    const untrusted = await createdVideoUrl(await engine(), forwarded);
    expect(untrusted.queried).toMatch(/^http:\/\/127\.0\.0\.1:3000\/videos\//);
    const trusted = await createdVideoUrl(await engine({ trustProxy: true }), forwarded);
    expect(trusted.queried).toMatch(/^https:\/\/studio\.example\.com\/videos\//);
  });

  it("prefers ENGINE_PUBLIC_URL over any header", async () => {
    const served = await engine({ publicUrl: "https://cdn.example.org/kling/", trustProxy: true });
    const { queried } = await createdVideoUrl(served, { Host: "127.0.0.1:3000", "X-Forwarded-Host": "studio.example.com" });
    expect(queried).toMatch(/^https:\/\/cdn\.example\.org\/kling\/videos\/[0-9a-f]{32}\.mp4$/);
  });

  it("never echoes a malformed forwarded host or scheme", async () => {
    const served = await engine({ trustProxy: true });
    const { queried } = await createdVideoUrl(served, { Host: "127.0.0.1:3000", "X-Forwarded-Host": "evil.example/steal?x=", "X-Forwarded-Proto": "javascript" });
    expect(queried).toMatch(/^http:\/\/127\.0\.0\.1:3000\/videos\//);
  });
});

describe("image URLs that yield no image", () => {
  it("answer one and the same 1201, whatever went wrong", async () => {
    const { call } = await engine();
    const files = await serveFetch(async (request) => {
      const name = new URL(request.url).pathname;
      if (name === "/missing.png") return new Response("no", { status: 404 });
      if (name === "/page.html") return new Response("<html>hello</html>", { headers: { "Content-Type": "text/html" } });
      return new Response(new Uint8Array(Buffer.from(await imageBase64(640, 360, "#fff", "webp"), "base64")), { headers: { "Content-Type": "image/webp" } });
    });
    open.push(files);
    const closed = await serveFetch(async () => new Response("never"));
    const closedUrl = closed.url;
    await closed.close();
    const urls = [`${closedUrl}/refused.png`, "http://example.com/foreign.png", `${files.url}/missing.png`, `${files.url}/page.html`, `${files.url}/image.webp`];
    const messages = await Promise.all(urls.map(async (url) => (await call("POST", CREATE, { image: url })).body.message));
    expect(messages).toEqual(urls.map(() => `image: ${URL_IMAGE_PROBLEM}`));
  });
});

describe("request bodies over the cap", () => {
  it("refuses a chunked body with 413 while it streams, without reading it all", async () => {
    const served = await engine();
    const { status, text, sentMb } = await postChunked(`${served.url}${CREATE}`, TEST_KEY, 300);
    expect(status).toBe(413);
    expect(JSON.parse(text)).toMatchObject({ code: 1200, message: expect.stringMatching(/larger than 64 MB/) });
    // The engine stopped at its 64 MB cap; what else was sent sat in socket buffers, not in memory.
    expect(sentMb).toBeLessThan(300);
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    const served = await engine();
    const answer = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${served.url}${CREATE}`, { method: "POST", headers: { Authorization: `Bearer ${TEST_KEY}`, "Content-Length": String(300 * 1024 * 1024) } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.write("{");
    });
    expect(answer).toBe(413);
  });
});

describe("I/O failures", () => {
  it("ends a render that hits a full disk failed with a message, and frees its slot", async () => {
    // ffmpeg writes the video through a link to /dev/full, which answers every write with ENOSPC.
    const render = async (job: RenderJob) => {
      await symlink("/dev/full", `${job.outPath}.partial`);
      return renderVideo(job);
    };
    const { call, waitForStatus } = await engine({ slots: 1, render });
    const created = await call("POST", CREATE, { image: await imageBase64(480, 320) });
    const done = await waitForStatus((created.body.data as TaskData).task_id, "failed");
    expect(done).toMatchObject({ task_status: "failed", task_status_msg: "could not render: no space left on the engine's disk", final_unit_deduction: "0" });
    expect((await call("POST", CREATE, { image })).body.code).toBe(0);
  }, 120_000);

  it("ends a task failed when its status cannot be written, and frees its slot", async () => {
    let dataDir = "";
    // Once the render is done, the tasks folder becomes a file: every later write fails with ENOTDIR.
    const render = async (job: RenderJob) => {
      const result = await fakeRender(job);
      const tasksDir = path.join(dataDir, "tasks");
      await rm(tasksDir, { recursive: true, force: true });
      await writeFile(tasksDir, "not a folder");
      return result;
    };
    const served = await engine({ slots: 1, render });
    dataDir = served.dataDir;
    const created = await served.call("POST", CREATE, { image });
    const done = await served.waitForStatus((created.body.data as TaskData).task_id, "failed");
    expect(done).toMatchObject({ task_status: "failed", task_status_msg: "could not store the task: I/O error (ENOTDIR)" });
    expect(done.task_result).toBeUndefined();
    await rm(path.join(dataDir, "tasks"), { force: true });
    await mkdir(path.join(dataDir, "tasks"));
    expect((await served.call("POST", CREATE, { image })).body.code).toBe(0);
  });

  it("answers 5000 naming the disk when a create cannot store its images, and keeps no task", async () => {
    const served = await engine();
    await rm(path.join(served.dataDir, "inputs"), { recursive: true, force: true });
    await writeFile(path.join(served.dataDir, "inputs"), "not a folder");
    const refused = await served.call("POST", CREATE, { image });
    expect([refused.status, refused.body.code, refused.body.message]).toEqual([500, 5000, "could not store the task: I/O error (ENOTDIR)"]);
    expect((await served.call("GET", CREATE)).body.data).toEqual([]);
  });
});

describe("paths and methods", () => {
  it.each([
    ["PUT", CREATE, 1202],
    ["DELETE", `${CREATE}/123`, 1202],
    ["POST", "/videos/0123456789abcdef0123456789abcdef.mp4", 1202],
    ["GET", "/v1/videos/text2video", 1203],
    ["GET", "/", 1203],
  ])("%s %s answers %i in Kling's envelope", async (method, pathname, code) => {
    const served = await engine();
    const answer = await rawCall(served.url, method, pathname, {});
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code, request_id: expect.any(String) });
  });
});
