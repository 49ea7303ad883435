import http from "node:http";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { postChunked } from "../support/chunked-post";

/** The preview engine as mounted in the built app: what Next itself would otherwise answer. */

const CREATE = "/engine/kling/v1/videos/image2video";
let app: AppServer;
let image: string;
let KEY: string;

beforeAll(async () => {
  app = await startApp({ env: { ENGINE_STEP_MS: "20" } });
  KEY = await app.engineKey();
  image = (await sharp({ create: { width: 640, height: 360, channels: 3, background: "#3366cc" } }).png().toBuffer()).toString("base64");
});
afterAll(async () => {
  await app?.stop();
});

type Answer = { status: number; type: string; body: { code: number; message: string; request_id?: string; data?: unknown } };

/** node:http, because fetch() will not send a Host header of our choosing. */
function call(method: string, pathname: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json", ...options.headers };
    const request = http.request(`${app.url}${pathname}`, { method, headers }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => {
        try {
          resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"] ?? "", body: JSON.parse(text) as Answer["body"] });
        } catch {
          reject(new Error(`not JSON (${response.statusCode}): ${text.slice(0, 200)}`));
        }
      });
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

describe("the engine under Next", () => {
  it.each([
    ["GET", "/engine/kling", 1203],
    ["GET", "/engine/kling/v1/videos/text2video", 1203],
    ["POST", "/engine/kling/v1/videos/image2video/123/extra", 1203],
    ["DELETE", CREATE, 1202],
    ["PUT", `${CREATE}/123`, 1202],
    ["POST", "/engine/kling/videos/0123456789abcdef0123456789abcdef.mp4", 1202],
  ])("%s %s answers %i in Kling's JSON envelope", async (method, pathname, code) => {
    const answer = await call(method, pathname);
    expect(answer.status).toBe(404);
    expect(answer.type).toMatch(/application\/json/);
    expect(answer.body).toMatchObject({ code, request_id: expect.any(String) });
  });

  it("accepts the Kuaishou client's image_tail null and names the called host in the video URL", async () => {
    const body = JSON.stringify({ cfg_scale: 0.5, duration: "5", image, image_tail: null, mode: "std", model_name: "kling-v1", negative_prompt: "", prompt: "" });
    const headers = { Host: "studio.example:8443" };
    const created = await call("POST", CREATE, { headers, body });
    expect([created.status, created.body.code]).toEqual([200, 0]);
    const taskId = (created.body.data as { task_id: string }).task_id;
    let url: string | undefined;
    await expect
      .poll(
        async () => {
          const task = (await call("GET", `${CREATE}/${taskId}`, { headers })).body.data as { task_status: string; task_result?: { videos: Array<{ url: string }> } };
          url = task.task_result?.videos[0]?.url;
          return task.task_status;
        },
        { timeout: 60_000, interval: 200 },
      )
      .toBe("succeed");
    expect(url).toMatch(/^http:\/\/studio\.example:8443\/engine\/kling\/videos\/[0-9a-f]{32}\.mp4$/);
  }, 90_000);

  it("refuses a chunked 300 MB body with 413 at the cap, without taking it all", async () => {
    const { status, text, sentMb } = await postChunked(`${app.url}${CREATE}`, KEY, 300);
    expect(status).toBe(413);
    expect(JSON.parse(text)).toMatchObject({ code: 1200 });
    expect(sentMb).toBeLessThan(300);
  }, 60_000);

  it("logs the ffmpeg binary in use at start-up", () => {
    expect(app.logs()).toMatch(/ffmpeg: binary in use/);
    expect(app.logs()).toMatch(/"source":"(system|FFMPEG_PATH)"/);
  });
});
