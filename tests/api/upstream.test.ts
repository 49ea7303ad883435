import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { klingCreateRequestSchema } from "@/lib/kling/wire-schema";
import { startApp, type AppServer } from "../support/app-server";
import { ownerFetch } from "../support/owner-fetch";
import { makeImage, motionBrushRecipe, postTask, uploadAsset, type ApiTask } from "../support/fixtures";
import { startRecordingKling, type RecordedRequest } from "../support/recording-kling";

const API_KEY = "sk-test-7f3a9c1e5d2b4a6f8e0c";

type KlingBody = {
  image: string;
  static_mask: string;
  dynamic_masks: Array<{ mask: string; trajectories: Array<{ x: number; y: number }> }>;
  duration: string;
  external_task_id: string;
  cfg_scale?: number;
};

describe("talking to a Kling-compatible server (DMXAPI style)", () => {
  let kling: Awaited<ReturnType<typeof startRecordingKling>>;
  let app: AppServer;
  let created: ApiTask;
  let create: RecordedRequest;
  const frameSize = { width: 800, height: 450 };

  beforeAll(async () => {
    kling = await startRecordingKling();
    app = await startApp({ env: { KLING_API_BASE_URL: `${kling.url}/kling`, KLING_API_KEY: API_KEY } });
    const frame = await uploadAsset(app.url, await makeImage(frameSize.width, frameSize.height));
    const response = await postTask(app.url, motionBrushRecipe(frame.id, { provider: "kling" }));
    expect(response.status).toBe(201);
    created = ((await response.json()) as { task: ApiTask }).task;
    create = kling.requests.find((request) => request.method === "POST")!;
  });
  afterAll(async () => {
    await app?.stop();
    await kling?.close();
  });

  it("sends the body to /kling/v1/videos/image2video with the Bearer key", () => {
    expect(create.path).toBe("/kling/v1/videos/image2video");
    expect(create.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(create.headers["content-type"]).toContain("application/json");
    expect(created.upstreamTaskId).toBe(kling.tasks()[0]?.task_id);
  });

  it("sends a body that satisfies the contract exactly", async () => {
    expect(klingCreateRequestSchema.safeParse(create.body).success).toBe(true);
    const body = create.body as KlingBody;
    expect(body.duration).toBe("5");
    expect(body.external_task_id).toBe(created.id);
    expect(body.image).not.toMatch(/^data:/);
    const image = await sharp(Buffer.from(body.image, "base64")).metadata();
    expect([image.width, image.height]).toEqual([frameSize.width, frameSize.height]);
  });

  it("rasterises masks at the start frame's exact size, white on black", async () => {
    const body = create.body as KlingBody;
    for (const encoded of [body.static_mask, body.dynamic_masks[0]!.mask]) {
      expect(encoded).not.toMatch(/^data:/);
      const { data, info } = await sharp(Buffer.from(encoded, "base64")).greyscale().raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([frameSize.width, frameSize.height]);
      // Pure black and white only, and something painted.
      expect([...new Set(data)].sort()).toEqual([0, 255]);
    }
    // The region was painted around (100, 100) in top-left image space.
    const { data } = await sharp(Buffer.from(body.dynamic_masks[0]!.mask, "base64")).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(data[100 * frameSize.width + 100]).toBe(255);
    expect(data[(frameSize.height - 100) * frameSize.width + 100]).toBe(0);
  });

  it("flips trajectories to the bottom-left origin", () => {
    const points = (create.body as KlingBody).dynamic_masks[0]!.trajectories;
    // Drawn from (100, 100) to (500, 200) in top-left space: x rises, y falls.
    expect(points[0]).toEqual({ x: 100, y: frameSize.height - 100 });
    expect(points.at(-1)).toEqual({ x: 500, y: frameSize.height - 200 });
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.length).toBeLessThanOrEqual(77);
  });

  it("never shows the API key in a response, a page or a log line", async () => {
    const responses = await Promise.all([
      ownerFetch(`${app.url}/api/config`).then((r) => r.text()),
      ownerFetch(`${app.url}/api/tasks`).then((r) => r.text()),
      ownerFetch(`${app.url}/api/tasks/${created.id}`).then((r) => r.text()),
      ownerFetch(`${app.url}/`).then((r) => r.text()),
    ]);
    for (const text of responses) expect(text).not.toContain(API_KEY);
    expect(JSON.parse(responses[0]!)).toMatchObject({ providers: { kling: true } });
    expect(app.logs()).not.toContain(API_KEY);
  });
});

describe("direct Kling with AK/SK", () => {
  it("signs an HS256 JWT that the engine accepts", async () => {
    const upstream = await startApp({ env: { ENGINE_ACCESS_KEY: "ak-test", ENGINE_SECRET_KEY: "sk-secret-for-jwt-0123456789" } });
    const app = await startApp({
      env: { KLING_API_BASE_URL: `${upstream.url}/engine/kling`, KLING_ACCESS_KEY: "ak-test", KLING_SECRET_KEY: "sk-secret-for-jwt-0123456789" },
    });
    try {
      const frame = await uploadAsset(app.url, await makeImage(640, 360));
      const response = await postTask(app.url, { version: 1, provider: "kling", startFrame: frame.id, prompt: "jwt" });
      expect(response.status).toBe(201);
      const { task } = (await response.json()) as { task: ApiTask };
      expect(task.upstreamTaskId).toBeTruthy();
      expect(app.logs()).not.toContain("sk-secret-for-jwt-0123456789");
    } finally {
      await app.stop();
      await upstream.stop();
    }
  });
});
