import "server-only";

/**
 * Background work as jobs that any replica may pick up. A job is leased by one worker while it runs; a
 * worker that dies leaves a lease that expires, and another worker runs the job again (handlers are
 * idempotent: the task store's compare-and-set claims decide what actually happens). A handler that
 * throws is retried with exponential backoff up to its queue's retry limit.
 */
export type JobName = "task.send" | "task.refresh" | "task.video" | "task.poster";
export const JOB_NAMES: readonly JobName[] = ["task.send", "task.refresh", "task.video", "task.poster"];

/** Every job is about one task. */
export type JobPayload = { taskId: string };

/** What a handler may ask for: run this same job again after `againInMs` (a polling loop). */
export type JobOutcome = { againInMs: number } | void;
export type JobHandler = (payload: JobPayload) => Promise<JobOutcome>;

export type QueueSpec = {
  /** How long a worker holds a job before another may take it over. */
  leaseMs: number;
  retryLimit: number;
  /** First retry delay; doubled per attempt. */
  retryDelayMs: number;
  /** Jobs of this name one process runs at once. */
  concurrency: number;
};

export const QUEUE_SPECS: Record<JobName, QueueSpec> = {
  "task.send": { leaseMs: 120_000, retryLimit: 5, retryDelayMs: 2_000, concurrency: 2 },
  "task.refresh": { leaseMs: 60_000, retryLimit: 10, retryDelayMs: 1_000, concurrency: 4 },
  // Not the download's worst case: a job whose replica died holds its task's video until the lease ends,
  // and a slow one overtaken by a retry is harmless (the blob is overwritten, the status a compare-and-set).
  "task.video": { leaseMs: 120_000, retryLimit: 5, retryDelayMs: 5_000, concurrency: 2 },
  "task.poster": { leaseMs: 120_000, retryLimit: 3, retryDelayMs: 5_000, concurrency: 1 },
};

export type SendOptions = { delayMs?: number; ifIdle?: boolean };

export interface JobQueue {
  /**
   * Queues work on a task unless the same job (name and task) is already waiting; `delayMs` defers it.
   * A running job does not count as waiting, so a handler may queue its own follow-up. `ifIdle`: not
   * even when the same job is running (a safety net's re-queue, which must not stack behind a running
   * job, let alone one whose replica died and whose lease has yet to end).
   */
  send(name: JobName, payload: JobPayload, options?: SendOptions): Promise<void>;
  /** Starts this process's workers for `name`. */
  work(name: JobName, handler: JobHandler): Promise<void>;
  /** Stops taking jobs and waits for running ones. */
  stop(): Promise<void>;
}

/** Exponential retry delay for the attempt that just failed (1-based). */
export const retryDelayMs = (spec: QueueSpec, attempt: number) => spec.retryDelayMs * 2 ** Math.max(0, attempt - 1);
