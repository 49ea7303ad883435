import "server-only";
import os from "node:os";

/** Runs at most `size` jobs at once; the rest wait in arrival order. */
export type DecodeSlots = {
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs running and waiting, for tests and benches. */
  stats(): { running: number; waiting: number };
};

export function createDecodeSlots(size: number): DecodeSlots {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run(job) {
      if (running < size) running++;
      // A released slot passes straight to the next waiter, so `running` stays put on hand-over.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await job();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}

/**
 * One decode per core, and always at least one libuv worker left free: every sharp call holds a libuv
 * thread for its whole run, and file reads, DNS and crypto queue behind them on the same pool.
 */
export function defaultDecodeSlotCount(): number {
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(os.availableParallelism(), pool - 1));
}
