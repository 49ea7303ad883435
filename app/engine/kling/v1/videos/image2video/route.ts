import { getEngine } from "@/lib/server/engine";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Kling create (POST), list (GET ?pageNum&pageSize) and query by ?external_task_id= (GET). */
export const POST = (request: Request) => getEngine().handle(request);
export const GET = (request: Request) => getEngine().handle(request);
