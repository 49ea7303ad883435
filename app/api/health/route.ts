import { sql } from "kysely";
import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { logger } from "@/lib/server/logger";
import { checkReadiness } from "@/lib/server/readiness";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };
const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Liveness for load balancers and test harnesses: answers only once the database answers a query.
 * `?ready=1` is the readiness check (docs/deploy.md): database, blob store and queue, each named in
 * the body; 503 when any fails, so a replica that lost its bucket leaves the rotation.
 */
export const GET = route({ access: "public" }, async (request) => {
  const ready = new URL(request.url).searchParams.get("ready") === "1";
  let app: Awaited<ReturnType<typeof getApp>>;
  try {
    app = await getApp();
    if (!ready) await sql`SELECT 1`.execute(app.db);
  } catch (error) {
    logger().error({ err: errorOf(error) }, "health check failed");
    throw new AppError("unavailable", 503, "The database does not answer.");
  }
  if (!ready) return Response.json({ status: "ok" }, { headers: NO_STORE });
  const readiness = await checkReadiness(app, (check, error) => logger().error({ check, err: errorOf(error) }, "readiness check failed"));
  if (!readiness.ready) {
    const failing = Object.entries(readiness.checks).filter(([, state]) => state !== "ok").map(([name]) => name);
    throw new AppError("unavailable", 503, `Not ready: ${failing.join(", ")} ${failing.length === 1 ? "does" : "do"} not answer.`);
  }
  return Response.json({ status: "ok", checks: readiness.checks }, { headers: NO_STORE });
});
