import "server-only";
import { setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { renderVideo, type RenderJob, type RenderResult } from "@/lib/server/render/render-video";
import type { createCallbackSender } from "./callbacks";
import type { FaultQueue } from "./faults";
import { failureMessage } from "./io-failure";
import type { EngineLogger } from "./logger";
import { maskGeometryProblem } from "./mask-geometry";
import { renderMotionOf } from "./render-motion";
import { isActive, newVideoId, unitDeduction, type StoredTask } from "./task-record";
import type { TaskStore } from "./task-store";
import { toKlingTask } from "./task-view";

export type RunnerDeps = {
  store: TaskStore;
  stepMs: number;
  faults: FaultQueue;
  callbacks: ReturnType<typeof createCallbackSender>;
  log: EngineLogger;
  now: () => number;
  /** Where the task's client reaches the engine, for the video URLs in callbacks. */
  baseUrlOf: (task: StoredTask) => string;
  /** Renders at once; more only compete for the same CPU cores. */
  renderConcurrency: number;
  render?: (job: RenderJob) => Promise<RenderResult>;
};

type Outcome = Pick<StoredTask, "status" | "statusMsg" | "result" | "unitDeduction">;

const RENDER_ERROR = "internal render error";
const failed = (statusMsg: string): Outcome => ({ status: "failed", statusMsg, unitDeduction: "0" });

/**
 * Moves tasks through submitted → processing → succeed | failed (kling-api.md §6): `stepMs` in the
 * queue, then at least `stepMs` processing (longer if the render takes longer). Every change is
 * persisted before it is announced by callback. Closing stops work without writing anything, so the
 * task files keep the last state reached and `resume()` on a new runner finishes them. A task never
 * stays active because of an error (a full disk, a failed write): it ends `failed` with a message, and
 * its slot is free again.
 */
export function createTaskRunner(deps: RunnerDeps) {
  const running = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  // Every waiting task listens for the stop; hundreds of them are normal in a bench.
  setMaxListeners(0, stopping.signal);
  const gate = createGate(deps.renderConcurrency);
  const render = deps.render ?? renderVideo;

  /**
   * Applies `patch`, persists it, announces it. When the write fails the task ends failed instead: the
   * store's memory takes every save at once, so the slot is free even if no file can be written.
   */
  async function update(task: StoredTask, patch: Partial<StoredTask>): Promise<StoredTask> {
    stopping.signal.throwIfAborted();
    let next: StoredTask = { ...task, ...patch, updatedAt: Math.max(deps.now(), task.updatedAt) };
    try {
      await deps.store.save(next);
    } catch (error) {
      deps.log.error({ taskId: task.taskId, err: error instanceof Error ? error.message : String(error) }, "engine: could not store task status");
      next = withoutResult({ ...next, ...failed(failureMessage("store the task", error)) });
      await deps.store.save(next).catch(() => undefined);
    }
    deps.callbacks.send(next.request.callbackUrl, toKlingTask(next, deps.baseUrlOf(next)), next.taskId);
    deps.log.info({ taskId: next.taskId, status: next.status }, "engine: task status");
    return next;
  }

  /** Last resort for an error outside the render (a bug, a vanished input): the task must not stay active. */
  async function abandon(taskId: string, error: unknown): Promise<void> {
    const task = deps.store.get(taskId);
    if (!task || !isActive(task)) return;
    await update(task, failed(failureMessage("render", error))).catch(() => undefined);
  }

  async function produce(task: StoredTask): Promise<Outcome> {
    const { inputs } = task;
    const masks = [
      ...(inputs.staticMask ? [{ field: "static_mask", ...inputs.staticMask }] : []),
      ...inputs.dynamicMasks.map((mask, i) => ({ field: `dynamic_masks[${i}].mask`, ...mask })),
    ];
    const problem = maskGeometryProblem(inputs.image, masks);
    if (problem) return failed(problem);

    const fault = deps.faults.take("render");
    if (fault?.kind === "fail") return failed(RENDER_ERROR);
    if (fault?.kind === "delay") await sleep(fault.ms, undefined, { signal: stopping.signal });
    try {
      const result = await gate(stopping.signal, async () => {
        const [start, tail, motion] = await Promise.all([
          inputs.image ? deps.store.readInput(task.taskId, inputs.image) : null,
          inputs.imageTail ? deps.store.readInput(task.taskId, inputs.imageTail) : null,
          renderMotionOf(task, deps.store),
        ]);
        const videoId = newVideoId();
        const durationS = Number(task.request.duration);
        const outPath = deps.store.videoPath(videoId);
        const video = await render({ start, tail, durationS, outPath, signal: stopping.signal, ...(motion ? { motion } : {}) });
        return { videoId, durationS, width: video.width, height: video.height };
      });
      return { status: "succeed", statusMsg: "", result, unitDeduction: unitDeduction(task.request.mode, task.request.duration) };
    } catch (error) {
      if (stopping.signal.aborted) throw error;
      deps.log.error({ taskId: task.taskId, err: error instanceof Error ? error.message : String(error) }, "engine: render failed");
      return failed(failureMessage("render", error));
    }
  }

  async function advance(taskId: string): Promise<void> {
    let task = deps.store.get(taskId);
    if (task?.status === "submitted") {
      await sleep(deps.stepMs, undefined, { signal: stopping.signal });
      task = await update(task, { status: "processing" });
    }
    if (task?.status === "processing") {
      const [outcome] = await Promise.all([produce(task), sleep(deps.stepMs, undefined, { signal: stopping.signal })]);
      await update(task, outcome);
    }
  }

  function run(taskId: string): void {
    if (running.has(taskId) || stopping.signal.aborted) return;
    const work = advance(taskId)
      .catch(async (error: unknown) => {
        if (stopping.signal.aborted) return;
        deps.log.error({ taskId, err: error instanceof Error ? error.message : String(error) }, "engine: task failed outside the render");
        await abandon(taskId, error);
      })
      .finally(() => running.delete(taskId));
    running.set(taskId, work);
  }

  return {
    /** A task that was just stored as submitted: announce it and start its clock. */
    start(task: StoredTask): void {
      deps.callbacks.send(task.request.callbackUrl, toKlingTask(task, deps.baseUrlOf(task)), task.taskId);
      run(task.taskId);
    },
    /** Picks up every unfinished task in the store (after a restart). */
    resume(): number {
      const unfinished = deps.store.list().filter(isActive);
      unfinished.forEach((task) => run(task.taskId));
      return unfinished.length;
    },
    async close(): Promise<void> {
      stopping.abort();
      await Promise.all(running.values());
    },
  };
}

/** At most `limit` bodies at once; waiting stops when `signal` aborts. */
function createGate(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async function gate<T>(signal: AbortSignal, body: () => Promise<T>): Promise<T> {
    while (active >= limit) {
      signal.throwIfAborted();
      await new Promise<void>((resolve) => {
        const wake = () => {
          signal.removeEventListener("abort", wake);
          resolve();
        };
        waiting.push(wake);
        signal.addEventListener("abort", wake, { once: true });
      });
    }
    signal.throwIfAborted();
    active += 1;
    try {
      return await body();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

function withoutResult(task: StoredTask): StoredTask {
  const { result: _result, ...rest } = task;
  return rest;
}
