import "server-only";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { nanoid } from "nanoid";
import type { EngineLogger } from "./logger";
import type { StoredInput, StoredTask } from "./task-record";

/**
 * The emulator's own small store (it mimics an external service, so it does not share the app's DB):
 *   <dataDir>/tasks/<task_id>.json       one file per task, replaced atomically (write + rename)
 *   <dataDir>/inputs/<task_id>/<name>    decoded request images, as sent
 *   <dataDir>/videos/<video_id>.mp4      rendered results
 * All tasks are also held in memory; the files are the truth after a restart.
 */
export type TaskStore = ReturnType<typeof createTaskStore>;

export function createTaskStore(dataDir: string, log: EngineLogger) {
  const tasksDir = path.join(dataDir, "tasks");
  const inputsDir = path.join(dataDir, "inputs");
  const videosDir = path.join(dataDir, "videos");
  const tasks = new Map<string, StoredTask>();
  const byExternalId = new Map<string, string>();
  // Writes of one task are chained so an older snapshot can never overwrite a newer one.
  const writes = new Map<string, Promise<void>>();

  function remember(task: StoredTask): void {
    tasks.set(task.taskId, task);
    if (task.externalTaskId) byExternalId.set(task.externalTaskId, task.taskId);
  }

  async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
    const temporary = `${file}.${nanoid(8)}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, file);
  }

  return {
    async load(): Promise<StoredTask[]> {
      await Promise.all([tasksDir, inputsDir, videosDir].map((dir) => mkdir(dir, { recursive: true })));
      // Leftovers of a render or a write cut short by a crash.
      for (const name of await readdir(videosDir)) {
        if (name.endsWith(".partial")) await rm(path.join(videosDir, name), { force: true });
      }
      for (const name of await readdir(tasksDir)) {
        const file = path.join(tasksDir, name);
        if (name.endsWith(".tmp")) {
          await rm(file, { force: true });
          continue;
        }
        if (!name.endsWith(".json")) continue;
        try {
          remember(JSON.parse(await readFile(file, "utf8")) as StoredTask);
        } catch (error) {
          log.error({ file, err: String(error) }, "engine: skipping unreadable task file");
        }
      }
      return [...tasks.values()];
    },

    get: (taskId: string): StoredTask | undefined => tasks.get(taskId),

    findByExternalId(externalTaskId: string): StoredTask | undefined {
      const taskId = byExternalId.get(externalTaskId);
      return taskId ? tasks.get(taskId) : undefined;
    },

    /** Newest first (Kling documents no order; this is what a dashboard expects). */
    list: (): StoredTask[] => [...tasks.values()].sort((a, b) => b.createdAt - a.createdAt || (a.taskId < b.taskId ? 1 : -1)),

    /** Drops a task whose first write failed, so it holds no slot. */
    forget(taskId: string): void {
      const task = tasks.get(taskId);
      if (task?.externalTaskId) byExternalId.delete(task.externalTaskId);
      tasks.delete(taskId);
    },

    /** Updates memory at once; the file writes of one task happen in call order. Resolves when written. */
    save(task: StoredTask): Promise<void> {
      const snapshot = structuredClone(task);
      remember(snapshot);
      const file = path.join(tasksDir, `${task.taskId}.json`);
      const previous = writes.get(task.taskId) ?? Promise.resolve();
      const next = previous.then(() => writeAtomically(file, JSON.stringify(snapshot, null, 1)));
      const settled = next.catch(() => undefined);
      writes.set(task.taskId, settled);
      void settled.then(() => {
        if (writes.get(task.taskId) === settled) writes.delete(task.taskId);
      });
      return next;
    },

    async saveInput(taskId: string, name: string, bytes: Uint8Array, meta: Omit<StoredInput, "file">): Promise<StoredInput> {
      const dir = path.join(inputsDir, taskId);
      await mkdir(dir, { recursive: true });
      const file = `${name}.${meta.format === "jpeg" ? "jpg" : "png"}`;
      await writeAtomically(path.join(dir, file), bytes);
      return { file, ...meta };
    },

    readInput: (taskId: string, input: StoredInput): Promise<Buffer> => readFile(path.join(inputsDir, taskId, input.file)),

    /** Removes the inputs of a create that was refused after they were saved. */
    discardInputs: (taskId: string): Promise<void> => rm(path.join(inputsDir, taskId), { recursive: true, force: true }),

    videoPath: (videoId: string): string => path.join(videosDir, `${videoId}.mp4`),

    /** Waits for every pending write, so a new engine on the same directory sees everything. */
    async flush(): Promise<void> {
      await Promise.all([...writes.values()]);
    },
  };
}
