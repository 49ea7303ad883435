import { describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { getTask, makeImage, postTask, uploadAsset, waitForTask, type ApiTask } from "../support/fixtures";

type EngineList = { code: number; data: Array<{ task_id: string; task_info: { external_task_id?: string } }> };

async function engineTasks(app: AppServer): Promise<EngineList["data"]> {
  const response = await fetch(`${app.url}/engine/kling/v1/videos/image2video?pageNum=1&pageSize=500`, { headers: { authorization: `Bearer ${await app.engineKey()}` } });
  return ((await response.json()) as EngineList).data;
}

async function createPlainTask(url: string, prompt: string): Promise<ApiTask> {
  const frame = await uploadAsset(url, await makeImage(640, 360));
  const response = await postTask(url, { version: 1, provider: "preview", startFrame: frame.id, prompt });
  expect(response.status).toBe(201);
  return ((await response.json()) as { task: ApiTask }).task;
}

// Each test renders real preview videos, which takes a while on a loaded machine; waitForTask has its own deadline.
describe("resilience", { timeout: 120_000 }, () => {
  it("retries through two 5001 answers and creates exactly one upstream task", async () => {
    const app = await startApp({ env: { ENGINE_FAULTS: "create:5001,create:5001" } });
    try {
      const task = await createPlainTask(app.url, "through faults");
      expect(task.upstreamTaskId).toBeTruthy();
      expect((await waitForTask(app.url, task.id)).status).toBe("succeed");
      const upstream = await engineTasks(app);
      expect(upstream.filter((t) => t.task_info.external_task_id === task.id)).toHaveLength(1);
      expect(upstream).toHaveLength(1);
    } finally {
      await app.stop();
    }
  });

  it("does not create a second task after a timeout on create", async () => {
    const app = await startApp({ env: { ENGINE_FAULTS: "create:delay=3000", KLING_TIMEOUT_MS: "1000" } });
    try {
      const task = await createPlainTask(app.url, "slow create");
      expect((await waitForTask(app.url, task.id)).status).toBe("succeed");
      expect(await engineTasks(app)).toHaveLength(1);
    } finally {
      await app.stop();
    }
  });

  it("queues a task while the account's concurrency is full, then sends it when a slot frees", async () => {
    const app = await startApp({ env: { ENGINE_SLOTS: "1", ENGINE_STEP_MS: "800" } });
    try {
      const first = await createPlainTask(app.url, "first");
      const second = await createPlainTask(app.url, "second");
      expect(first.status).not.toBe("queued");
      expect(second.status).toBe("queued");
      expect(second.statusMessage).toMatch(/slot/);
      expect(second.upstreamTaskId).toBeNull();
      // The queued task is re-sent by its job after a backoff: on a loaded machine that can pass a minute.
      const done = await waitForTask(app.url, second.id, 150_000);
      expect(done.status).toBe("succeed");
      expect((await getTask(app.url, first.id)).status).toBe("succeed");
      expect(await engineTasks(app)).toHaveLength(2);
    } finally {
      await app.stop();
    }
  }, 180_000);

  it("finishes a task after the server is killed mid-task and started again", async () => {
    const app = await startApp({ env: { ENGINE_STEP_MS: "1500" } });
    const task = await createPlainTask(app.url, "survives a crash");
    expect(["submitted", "processing"]).toContain(task.status);
    await app.kill();
    const again = await startApp({ dataDir: app.dataDir, port: app.port, env: { ENGINE_STEP_MS: "300" } });
    try {
      const done = await waitForTask(again.url, task.id);
      expect(done.status).toBe("succeed");
      expect(done.video).not.toBeNull();
      expect(await engineTasks(again)).toHaveLength(1);
    } finally {
      await again.stop();
    }
  });
});
