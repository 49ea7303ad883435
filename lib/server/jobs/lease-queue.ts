import "server-only";
import { randomBytes } from "node:crypto";
import type { ExpressionBuilder, Kysely } from "kysely";
import type pino from "pino";
import type { Database, JobRow } from "../storage/db";
import { QUEUE_SPECS, retryDelayMs, type JobHandler, type JobName, type JobPayload, type JobQueue } from "./job-queue";

type Options = { log: pino.Logger; pollMs: number; now?: () => number };

/**
 * The job queue on the `jobs` lease table of our own database (the SQLite default). A worker claims the
 * oldest due job whose lease is free with one conditional UPDATE, so of several processes exactly one
 * gets it; it renews the lease while the handler runs and deletes the job when it is done.
 */
export function createLeaseQueue(db: Kysely<Database>, options: Options): JobQueue {
  const worker = `w_${process.pid}_${randomBytes(4).toString("hex")}`;
  const now = options.now ?? Date.now;
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;

  async function claim(name: JobName): Promise<JobRow | undefined> {
    const at = now();
    const free = (eb: ExpressionBuilder<Database, "jobs">) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", at)]);
    return db
      .updateTable("jobs")
      .set((eb) => ({ lease_until: at + QUEUE_SPECS[name].leaseMs, locked_by: worker, attempts: eb("attempts", "+", 1) }))
      .where("id", "=", (eb) =>
        eb.selectFrom("jobs").select("id").where("name", "=", name).where("run_at", "<=", at).where((inner) => free(inner)).orderBy("run_at").limit(1),
      )
      .where((eb) => free(eb))
      .returningAll()
      .executeTakeFirst();
  }

  /** Puts a job back to wait until `runAt`; if the same job was queued meanwhile, that one stands. */
  async function release(job: JobRow, runAt: number, patch: Partial<JobRow>): Promise<void> {
    try {
      await db.updateTable("jobs").set({ ...patch, run_at: runAt, lease_until: null, locked_by: null }).where("id", "=", job.id).where("locked_by", "=", worker).execute();
    } catch (error) {
      if (!/unique|constraint/i.test(String(error))) throw error;
      await db.deleteFrom("jobs").where("id", "=", job.id).where("locked_by", "=", worker).execute();
    }
  }

  async function runOne(name: JobName, handler: JobHandler, job: JobRow): Promise<void> {
    const spec = QUEUE_SPECS[name];
    const renew = setInterval(() => {
      db.updateTable("jobs").set({ lease_until: now() + spec.leaseMs }).where("id", "=", job.id).where("locked_by", "=", worker).execute()
        .catch((error: unknown) => options.log.warn({ job: job.id, err: String(error) }, "job lease renewal failed"));
    }, spec.leaseMs / 3);
    renew.unref();
    try {
      const outcome = await handler(JSON.parse(job.payload) as JobPayload);
      if (outcome) await release(job, now() + outcome.againInMs, { attempts: 0, last_error: null });
      else await db.deleteFrom("jobs").where("id", "=", job.id).where("locked_by", "=", worker).execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.attempts > spec.retryLimit) {
        options.log.error({ job: job.id, name, err: message }, "job failed for the last time");
        await db.deleteFrom("jobs").where("id", "=", job.id).where("locked_by", "=", worker).execute();
      } else {
        await release(job, now() + retryDelayMs(spec, job.attempts), { last_error: message.slice(0, 500) });
      }
    } finally {
      clearInterval(renew);
    }
  }

  /** One polling pass: fill this worker's free slots for `name` with due jobs. */
  async function poll(name: JobName, handler: JobHandler, active: { count: number }): Promise<void> {
    while (!stopped && active.count < QUEUE_SPECS[name].concurrency) {
      const job = await claim(name);
      if (!job) return;
      active.count += 1;
      const done = runOne(name, handler, job)
        .catch((error: unknown) => options.log.error({ job: job.id, err: String(error) }, "job bookkeeping failed"))
        .finally(() => {
          active.count -= 1;
          running.delete(done);
        });
      running.add(done);
    }
  }

  return {
    async send(name, payload, sendOptions = {}) {
      if (sendOptions.ifIdle) {
        const existing = await db.selectFrom("jobs").select("id").where("name", "=", name).where("singleton_key", "=", payload.taskId).executeTakeFirst();
        if (existing) return;
      }
      const row: JobRow = {
        id: `job_${randomBytes(9).toString("base64url")}`, name, singleton_key: payload.taskId, payload: JSON.stringify(payload),
        run_at: now() + (sendOptions.delayMs ?? 0), attempts: 0, lease_until: null, locked_by: null, last_error: null,
      };
      // The partial unique index (waiting jobs only) makes a duplicate a no-op.
      await db.insertInto("jobs").values(row).onConflict((oc) => oc.columns(["name", "singleton_key"]).where("locked_by", "is", null).doNothing()).execute();
    },
    async work(name, handler) {
      const active = { count: 0 };
      let polling = false;
      const timer = setInterval(() => {
        if (polling || stopped) return;
        polling = true;
        poll(name, handler, active)
          .catch((error: unknown) => options.log.warn({ name, err: String(error) }, "job poll failed"))
          .finally(() => (polling = false));
      }, options.pollMs);
      timer.unref();
      timers.push(timer);
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
