import { getEngine } from "@/lib/server/engine";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Kling query of one task, by task_id or external_task_id. */
export const GET = (request: Request) => getEngine().handle(request);
