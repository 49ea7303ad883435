import "server-only";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { serveFetch } from "@/tests/support/serve-fetch";
import type { RenderJob, RenderResult } from "@/lib/server/render/render-video";
import { createEngine, type Engine, type EngineOptions } from "./engine";

/** Test kit for the engine's conformance tests: a real HTTP server, images and a callback receiver. */

export const TEST_KEY = "test-engine-key";

export type KlingAnswer = { status: number; body: { code: number; message: string; request_id: string; data?: unknown } };
export type TaskData = {
  task_id: string;
  task_status: string;
  task_status_msg?: string;
  task_info: { external_task_id?: string };
  created_at: number;
  updated_at: number;
  task_result?: { videos: Array<{ id: string; url: string; duration: string }> };
  final_unit_deduction?: string;
};

export type ServedEngine = {
  url: string;
  engine: Engine;
  dataDir: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<KlingAnswer>;
  /** Polls a task until it reaches `status` (or a terminal one), through the HTTP API. */
  waitForStatus(taskId: string, ...statuses: string[]): Promise<TaskData>;
  close(): Promise<void>;
};

/** Writes a stand-in MP4 instantly: for tests of the lifecycle, not of the video. */
export async function fakeRender(job: RenderJob): Promise<RenderResult> {
  await writeFile(job.outPath, "not really a video");
  return { width: 1280, height: 720, frames: job.durationS * 30, fps: 30 };
}

const tempDirs: string[] = [];

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "engine-test-"));
  tempDirs.push(dir);
  return dir;
}

/** For afterAll: videos add up quickly in /tmp. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function serveEngine(overrides: Partial<EngineOptions> = {}): Promise<ServedEngine> {
  const dataDir = overrides.dataDir ?? (await tempDir());
  const engine = createEngine({ dataDir, apiKey: TEST_KEY, slots: 5, stepMs: 20, faults: "", callbacks: true, basePath: "", ...overrides });
  await engine.resume();
  const server = await serveFetch((request) => engine.handle(request));
  const call = async (method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<KlingAnswer> => {
    const response = await fetch(`${server.url}${overrides.basePath ?? ""}${pathname}`, {
      method,
      headers: { Authorization: `Bearer ${TEST_KEY}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as KlingAnswer["body"] };
  };
  return {
    url: server.url,
    engine,
    dataDir,
    call,
    async waitForStatus(taskId, ...statuses) {
      for (;;) {
        const { body } = await call("GET", `/v1/videos/image2video/${taskId}`);
        const task = body.data as TaskData | undefined;
        if (!task) throw new Error(`query failed: ${JSON.stringify(body)}`);
        if (statuses.includes(task.task_status) || task.task_status === "succeed" || task.task_status === "failed") return task;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      await server.close();
      await engine.close();
    },
  };
}

/** A solid-colour image as bare base64 (the way Kling wants it). */
export async function imageBase64(width: number, height: number, colour = "#3366cc", format: "png" | "jpeg" | "webp" = "png"): Promise<string> {
  const image = sharp({ create: { width, height, channels: 3, background: colour } });
  return (await image.toFormat(format).toBuffer()).toString("base64");
}

export type Receiver = { url: string; bodies: TaskData[]; close(): Promise<void> };

/** A local HTTP endpoint recording callback POSTs. */
export async function callbackReceiver(): Promise<Receiver> {
  const bodies: TaskData[] = [];
  const server = http.createServer((request, response) => {
    let text = "";
    request.on("data", (chunk: Buffer) => (text += chunk.toString()));
    request.on("end", () => {
      bodies.push(JSON.parse(text) as TaskData);
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
