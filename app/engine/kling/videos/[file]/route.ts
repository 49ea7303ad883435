import { handleEngineRequest } from "@/lib/server/engine/route-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Rendered preview videos, with Range support; other methods get 1202. */
export const GET = handleEngineRequest;
export const HEAD = handleEngineRequest;
export const POST = handleEngineRequest;
export const PUT = handleEngineRequest;
export const PATCH = handleEngineRequest;
export const DELETE = handleEngineRequest;
export const OPTIONS = handleEngineRequest;
