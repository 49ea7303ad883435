import "server-only";
import type pino from "pino";
import type { JobOutcome, JobQueue } from "../jobs/job-queue";
import { isFinished, UNFINISHED_STATUSES } from "@/lib/tasks/public-task";
import { DOWNLOADING, type SystemTaskStore } from "./task-store";
import type { TaskSync } from "./task-sync";

type BackgroundDeps = {
  store: SystemTaskStore;
  sync: TaskSync;
  jobs: JobQueue;
  log: pino.Logger;
  refreshMs: number;
  /** How often every replica re-queues work for all unfinished tasks (cheap: duplicates are dropped). */
  sweepMs: number;
};

/** Re-queues of the sweep and of a freed slot: a task whose job waits or runs (even on a dead replica) needs none. */
const IF_IDLE = { ifIdle: true } as const;

/**
 * Background work as jobs any replica may run: sending queued tasks in order, refreshing unfinished ones
 * once per window, copying videos and posters. A sweep at start-up and now and then queues jobs for every
 * unfinished task, so tasks from before the queue, or whose job ran out of retries, are never stranded.
 */
export function createTaskBackground(deps: BackgroundDeps) {
  const { store, sync, jobs } = deps;

  /** A queued task: sent when due; a backoff or another's lease defers the job to its end. */
  async function sendJob(taskId: string): Promise<JobOutcome> {
    const row = await store.get(taskId);
    if (!row || row.status !== "queued") return;
    const waitMs = row.checked_at ? Date.parse(row.checked_at) - Date.now() : 0;
    if (waitMs > 0) return { againInMs: waitMs };
    const outcome = await sync.send(row);
    if (!outcome.claimed) return { againInMs: Math.max(deps.refreshMs, 1_000) };
  }

  /** A running task: one coalesced query, then again next window until it ends. */
  async function refreshJob(taskId: string): Promise<JobOutcome> {
    const row = await store.get(taskId);
    if (!row || isFinished(row.status) || !row.upstream_task_id) return;
    const after = await sync.refresh(row);
    if (after && isFinished(after.status)) return slotFreed();
    if (after && !isFinished(after.status)) return { againInMs: deps.refreshMs };
  }

  /** A task that ended frees an upstream slot: queued tasks backing off (1303) may go now. */
  async function slotFreed(): Promise<void> {
    await store.endBackoffs();
    for (const queued of await store.listByStatus(["queued"])) await jobs.send("task.send", { taskId: queued.id }, IF_IDLE);
  }

  async function sweep(): Promise<void> {
    for (const row of await store.listByStatus([...UNFINISHED_STATUSES])) {
      if (row.status === "queued") await jobs.send("task.send", { taskId: row.id }, IF_IDLE);
      else if (row.status_code === DOWNLOADING) await jobs.send("task.video", { taskId: row.id }, IF_IDLE);
      else await jobs.send("task.refresh", { taskId: row.id }, IF_IDLE);
    }
  }

  return {
    /** Starts this replica's workers and the sweep; returns a stop function. */
    async start(): Promise<() => Promise<void>> {
      await jobs.work("task.send", ({ taskId }) => sendJob(taskId));
      await jobs.work("task.refresh", ({ taskId }) => refreshJob(taskId));
      await jobs.work("task.video", async ({ taskId }) => {
        const after = await sync.saveVideo(taskId);
        if (after && isFinished(after.status)) await slotFreed();
      });
      await jobs.work("task.poster", async ({ taskId }) => {
        await sync.savePoster(taskId);
      });
      const runSweep = () => sweep().catch((error: unknown) => deps.log.warn({ err: String(error) }, "background sweep failed"));
      await runSweep();
      const timer = setInterval(runSweep, deps.sweepMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await jobs.stop();
      };
    },
  };
}
