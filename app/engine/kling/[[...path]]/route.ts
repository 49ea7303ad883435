import { handleEngineRequest } from "@/lib/server/engine/route-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Every other path below /engine/kling: the engine answers 1203 (or 1202) in Kling's envelope. */
export const GET = handleEngineRequest;
export const HEAD = handleEngineRequest;
export const POST = handleEngineRequest;
export const PUT = handleEngineRequest;
export const PATCH = handleEngineRequest;
export const DELETE = handleEngineRequest;
export const OPTIONS = handleEngineRequest;
