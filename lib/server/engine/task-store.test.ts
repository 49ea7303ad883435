import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { silentLogger } from "./logger";
import type { StoredTask } from "./task-record";
import { createTaskStore } from "./task-store";
import { tempDir, removeTempDirs } from "./testing";

const task = (taskId: string, createdAt: number, patch: Partial<StoredTask> = {}): StoredTask => ({
  taskId,
  status: "submitted",
  statusMsg: "",
  createdAt,
  updatedAt: createdAt,
  origin: "http://127.0.0.1:3000",
  request: { model: "kling-v1", mode: "std", duration: "5", watermark: false, params: {} },
  inputs: { dynamicMasks: [] },
  ...patch,
});

afterAll(removeTempDirs);

describe("task store", () => {
  it("persists the last of many quick saves, and a new store reads it back", async () => {
    const dir = await tempDir();
    const store = createTaskStore(dir, silentLogger);
    await store.load();
    const saves = (["submitted", "processing", "succeed"] as const).map((status, i) => store.save(task("81", 1000, { status, updatedAt: 1000 + i })));
    await Promise.all(saves);

    const reopened = createTaskStore(dir, silentLogger);
    const loaded = await reopened.load();
    expect(loaded).toHaveLength(1);
    expect(reopened.get("81")).toMatchObject({ status: "succeed", updatedAt: 1002 });
    expect(await readdir(path.join(dir, "tasks"))).toEqual(["81.json"]);
  });

  it("finds tasks by external id, lists newest first and forgets on request", async () => {
    const store = createTaskStore(await tempDir(), silentLogger);
    await store.load();
    await store.save(task("81", 1000, { externalTaskId: "a" }));
    await store.save(task("82", 3000, { externalTaskId: "b" }));
    await store.save(task("83", 2000));
    expect(store.findByExternalId("b")?.taskId).toBe("82");
    expect(store.list().map((t) => t.taskId)).toEqual(["82", "83", "81"]);
    store.forget("82");
    expect(store.findByExternalId("b")).toBeUndefined();
    expect(store.list().map((t) => t.taskId)).toEqual(["83", "81"]);
  });

  it("skips unreadable task files and clears leftovers of a crash", async () => {
    const dir = await tempDir();
    const first = createTaskStore(dir, silentLogger);
    await first.load();
    await first.save(task("81", 1000));
    await writeFile(path.join(dir, "tasks", "82.json"), "{ half a task");
    await writeFile(path.join(dir, "tasks", "83.json.abc.tmp"), "{}");
    await writeFile(path.join(dir, "videos", "v.mp4.partial"), "half a video");

    const store = createTaskStore(dir, silentLogger);
    expect((await store.load()).map((t) => t.taskId)).toEqual(["81"]);
    expect((await readdir(path.join(dir, "tasks"))).sort()).toEqual(["81.json", "82.json"]);
    expect(await readdir(path.join(dir, "videos"))).toEqual([]);
  });

  it("keeps inputs as files next to the task", async () => {
    const store = createTaskStore(await tempDir(), silentLogger);
    await store.load();
    const input = await store.saveInput("81", "image", new Uint8Array([1, 2, 3]), { width: 300, height: 300, format: "png" });
    expect(input).toEqual({ file: "image.png", width: 300, height: 300, format: "png" });
    expect([...(await store.readInput("81", input))]).toEqual([1, 2, 3]);
    await store.discardInputs("81");
    await expect(store.readInput("81", input)).rejects.toThrow();
  });
});
