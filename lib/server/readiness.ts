import "server-only";
import { sql } from "kysely";
import type { AppContext } from "./app-context";

export type ReadinessCheck = "database" | "blobs" | "queue";
export type Readiness = { ready: boolean; checks: Record<ReadinessCheck, "ok" | "failing"> };

/** A dependency that does not answer within this is as good as down for a load balancer. */
const CHECK_TIMEOUT_MS = 2_000;

function withTimeout(work: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What `/api/health?ready=1` reports: the database answers a query, the blob store (folder or bucket)
 * answers, and the work queue can be read (today the tasks table the background loop claims work
 * from). Each check is one cheap round trip, run in parallel.
 */
export async function checkReadiness(app: Pick<AppContext, "db" | "blobs">, onFailure: (check: ReadinessCheck, error: unknown) => void): Promise<Readiness> {
  const probes: Record<ReadinessCheck, () => Promise<unknown>> = {
    database: () => sql`SELECT 1`.execute(app.db),
    blobs: () => app.blobs.check(),
    queue: () => app.db.selectFrom("tasks").select("id").limit(1).execute(),
  };
  const names = Object.keys(probes) as ReadinessCheck[];
  const results = await Promise.allSettled(names.map((name) => withTimeout(probes[name]())));
  const checks = {} as Readiness["checks"];
  results.forEach((result, i) => {
    const name = names[i] as ReadinessCheck;
    checks[name] = result.status === "fulfilled" ? "ok" : "failing";
    if (result.status === "rejected") onFailure(name, result.reason);
  });
  return { ready: Object.values(checks).every((value) => value === "ok"), checks };
}
