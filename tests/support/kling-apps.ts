import { expect, onTestFailed } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { makeImage, postTask, uploadAsset, type ApiTask } from "./fixtures";
import { startRecordingKling, type RecordingKling, type RecordingKlingOptions } from "./recording-kling";

/**
 * Apps talking to a recording Kling-compatible upstream, for the task-outcome tests: each started
 * server is remembered and stopped by `stopAll()` (call it in afterEach), newest first.
 */
export const API_KEY = "sk-outcomes-4d8e2b7a19c3";
const running: Array<{ stop: () => Promise<void> } | { close: () => Promise<void> }> = [];

export function remember<T extends { stop: () => Promise<void> } | { close: () => Promise<void> }>(item: T): T {
  running.push(item);
  return item;
}

export async function stopAll(): Promise<void> {
  for (const item of running.splice(0).reverse()) await ("stop" in item ? item.stop() : item.close());
}

export async function upstream(options: RecordingKlingOptions): Promise<RecordingKling> {
  return remember(await startRecordingKling(options));
}

export async function app(kling: RecordingKling, env: Record<string, string> = {}, dataDir?: string): Promise<AppServer> {
  const server = remember(await startApp({ env: { KLING_API_BASE_URL: `${kling.url}/kling`, KLING_API_KEY: API_KEY, ...env }, dataDir }));
  // A failure in CI is explained by what the server logged.
  onTestFailed(() => console.error(`server ${server.url} logged:\n${server.logs().slice(-8000)}`));
  return server;
}

export async function createTask(url: string, prompt = "a kite"): Promise<ApiTask> {
  const frame = await uploadAsset(url, await makeImage(640, 360));
  const response = await postTask(url, { version: 1, provider: "kling", startFrame: frame.id, prompt });
  expect(response.status).toBe(201);
  return ((await response.json()) as { task: ApiTask }).task;
}

export const externalIds = (kling: RecordingKling) => kling.tasks().map((task) => task.external_task_id);
