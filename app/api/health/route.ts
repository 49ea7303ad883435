import { sql } from "kysely";
import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { logger } from "@/lib/server/logger";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and test harnesses: answers only once the database answers a query. */
export const GET = route({ access: "public" }, async () => {
  try {
    const { db } = await getApp();
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    logger().error({ err: error instanceof Error ? error.message : String(error) }, "health check failed");
    throw new AppError("unavailable", 503, "The database does not answer.");
  }
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
});
