import { readdir } from "node:fs/promises";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed, vi } from "vitest";
import { freePort, startApp, type AppServer } from "../support/app-server";
import { startEngineServer, type EngineServer } from "../support/engine-server";
import { getTask, makeImage, motionBrushRecipe, postTask, uploadAsset, waitForTask, type ApiTask } from "../support/fixtures";
import { ownerFetch, useOwnerSession } from "../support/owner-fetch";
import { startS3Server, type S3Server } from "../support/s3-server";

/**
 * The scale-out building blocks over real HTTP: blobs in an S3-compatible bucket (s3rver), the preview
 * engine as its own process, and two app replicas on one database and one bucket. The database is
 * Postgres: this file runs in the postgres project only (vitest.config.ts). Nothing of either
 * replica's blobs lands in its DATA_DIR.
 */
let s3: S3Server;
let engine: EngineServer;
let first: AppServer;
let second: AppServer;
let frame: string;

beforeAll(async () => {
  s3 = await startS3Server();
  engine = await startEngineServer({ env: { LOG_LEVEL: "debug" } });
  const port = await freePort();
  // Callbacks go to the app's public address; the second replica has none, so only polling serves it.
  first = await startApp({ port, env: { ...s3.env, ...engine.appEnv, PUBLIC_BASE_URL: `http://127.0.0.1:${port}` } });
  second = await startApp({ dataDir: first.dataDir, env: { ...s3.env, ...engine.appEnv } });
  // One database, two replicas: each would make (and replace) the owner's test API key; sessions coexist.
  try {
    await useOwnerSession(first.url);
    await useOwnerSession(second.url);
  } catch (error) {
    console.error(replicaLogs());
    throw error;
  }
  frame = (await uploadAsset(first.url, await makeImage(640, 360, { square: { x: 60, y: 60, size: 80, color: "#e03030" } }))).id;
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
  await engine?.stop();
  await s3?.close();
});

// A failure in CI is explained by what the replicas logged.
const replicaLogs = () => `first replica logged:\n${first?.logs().slice(-6000)}\nsecond replica logged:\n${second?.logs().slice(-6000)}`;
beforeEach(() => onTestFailed(() => console.error(replicaLogs())));

async function bucketKeys(): Promise<string[]> {
  const client = new S3Client({ ...s3.settings, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  client.destroy();
  return (listed.Contents ?? []).map((item) => item.Key ?? "");
}

describe("blobs on S3", () => {
  it("stores an upload in the bucket, not in DATA_DIR, and serves it from every replica", async () => {
    expect(await bucketKeys()).toContain(`assets/${frame}`);
    expect(await readdir(path.join(first.dataDir, "blobs")).catch(() => [])).toEqual([]);
    const [a, b] = await Promise.all([ownerFetch(`${first.url}/api/assets/${frame}`), ownerFetch(`${second.url}/api/assets/${frame}`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(Buffer.from(await a.arrayBuffer())).toEqual(Buffer.from(await b.arrayBuffer()));
  });

  it("reports the bucket in the readiness check", async () => {
    const response = await fetch(`${first.url}/api/health?ready=1`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", checks: { database: "ok", blobs: "ok", queue: "ok" } });
  });
});

// A render, a download into the bucket and two ffmpeg runs: minutes on a loaded machine.
describe("the preview engine as its own service", { timeout: 240_000 }, () => {
  let task: ApiTask;

  it("runs a preview task to succeed, probed and with a poster, its video in the bucket", async () => {
    const created = await postTask(first.url, motionBrushRecipe(frame));
    expect(created.status).toBe(201);
    const { task: queued } = (await created.json()) as { task: ApiTask };
    // The other replica knows the task while the engine works on it: no 1203, no failure.
    const meanwhile = await getTask(second.url, queued.id);
    expect(meanwhile.status).not.toBe("failed");

    task = await waitForTask(first.url, queued.id, 200_000);
    expect(task.status).toBe("succeed");
    // Width, height and duration come from probing the stored video (through a temporary copy).
    expect(task.video).toMatchObject({ durationS: expect.closeTo(5, 0), width: expect.any(Number), height: expect.any(Number) });
    expect(task.video!.width % 2).toBe(0);
    expect(await bucketKeys()).toContain(`videos/${task.id}.mp4`);
    // The poster is a job of its own, run once the video is stored.
    await vi.waitFor(async () => expect(await bucketKeys()).toContain(`posters/${task.id}.jpg`), { timeout: 30_000, interval: 250 });
    expect(engine.logs()).toMatch(new RegExp(`"url":"http://127\\.0\\.0\\.1:${first.port}/api/callbacks/kling/[^"]+","status":200,"msg":"engine: callback delivered"`));
  });

  it("serves the video with Range and the poster from both replicas", async () => {
    for (const app of [first, second]) {
      const whole = await ownerFetch(`${app.url}${task.video!.url}`);
      expect(whole.status).toBe(200);
      const bytes = Buffer.from(await whole.arrayBuffer());
      expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
      const part = await ownerFetch(`${app.url}${task.video!.url}`, { headers: { range: "bytes=100-299" } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 100-299/${bytes.length}`);
      expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 300));
      const poster = await ownerFetch(`${app.url}/api/tasks/${task.id}/poster`);
      expect(poster.status).toBe(200);
      expect(Buffer.from(await poster.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    }
  });

  it("shows the second replica the same engine task", async () => {
    const seen = await getTask(second.url, task.id);
    expect(seen).toMatchObject({ status: "succeed", upstreamTaskId: task.upstreamTaskId });
    // Asked directly, the engine service knows the task whichever replica created it.
    const direct = await fetch(`${engine.url}/v1/videos/image2video/${task.upstreamTaskId}`, { headers: { authorization: `Bearer ${engine.apiKey}` } });
    expect(((await direct.json()) as { code: number; data: { task_status: string } }).data.task_status).toBe("succeed");
  });

  it("no longer renders in the app: its /engine mount answers 1203", async () => {
    const response = await fetch(`${first.url}/engine/kling/v1/videos/image2video`, { headers: { authorization: `Bearer ${engine.apiKey}` } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: number }).code).toBe(1203);
  });
});
