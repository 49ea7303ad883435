import { getEngine } from "@/lib/server/engine";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Rendered preview videos, with Range support. */
export const GET = (request: Request) => getEngine().handle(request);
export const HEAD = (request: Request) => getEngine().handle(request);
