import "server-only";
import PgBoss from "pg-boss";
import type pino from "pino";
import { JOB_NAMES, QUEUE_SPECS, type JobName, type JobPayload, type JobQueue } from "./job-queue";

/**
 * The job queue on Postgres: pg-boss (v10, for Node 20) in its own schema of the same database. Each
 * queue is "stately": per task at most one job waiting and one running, so a running refresh can queue
 * its successor while duplicates of waiting work are dropped. A job whose worker died stays active until
 * its expiry (the lease), then pg-boss' supervisor fails it into a retry on another replica.
 */
export async function createPgBossQueue(connectionString: string, options: { log: pino.Logger; pollMs: number }): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    max: 4,
    // Expired leases are found by the supervisor: often enough that a dead replica's work resumes soon.
    maintenanceIntervalSeconds: 10,
    monitorStateIntervalSeconds: 60,
    schedule: false,
  });
  boss.on("error", (error: Error) => options.log.warn({ err: error.message }, "job queue error"));
  await boss.start();
  for (const name of JOB_NAMES) {
    const spec = QUEUE_SPECS[name];
    await boss.createQueue(name, {
      name, policy: "stately", retryLimit: spec.retryLimit, retryDelay: Math.ceil(spec.retryDelayMs / 1000), retryBackoff: true,
      expireInSeconds: Math.ceil(spec.leaseMs / 1000),
    });
  }
  const pollingIntervalSeconds = Math.max(0.5, options.pollMs / 1000);
  const send = async (name: JobName, payload: JobPayload, delayMs = 0) => {
    await boss.send(name, payload, { singletonKey: payload.taskId, ...(delayMs > 0 ? { startAfter: new Date(Date.now() + delayMs) } : {}) });
  };
  /**
   * Whether a job of `name` for this task is waiting or running. Needed because pg-boss' fetch takes
   * the oldest due job and, when that one's key is already active, fails on the stately unique index
   * and silently returns nothing: one waiting twin of a running job stalls its whole queue.
   */
  const pending = async (name: JobName, taskId: string) => {
    const found = await boss.getDb().executeSql(`SELECT 1 FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state <= 'active' LIMIT 1`, [name, taskId]);
    return found.rows.length > 0;
  };

  return {
    async send(name, payload, sendOptions = {}) {
      if (sendOptions.ifIdle && (await pending(name, payload.taskId))) return;
      await send(name, payload, sendOptions.delayMs);
    },
    async work(name, handler) {
      // pg-boss 10 runs one job at a time per worker: concurrency is that many workers.
      for (let i = 0; i < QUEUE_SPECS[name].concurrency; i += 1) {
        await boss.work<JobPayload>(name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
          if (!job) return;
          let outcome: Awaited<ReturnType<typeof handler>>;
          try {
            outcome = await handler(job.data);
          } catch (error) {
            // pg-boss retries it quietly: without this line a job failing again and again leaves no trace.
            options.log.warn({ name, task: job.data.taskId, err: error instanceof Error ? error.message : String(error) }, "job failed; pg-boss retries it");
            throw error;
          }
          // Stately: the running job does not block its successor.
          if (outcome) await send(name, job.data, outcome.againInMs);
        });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
