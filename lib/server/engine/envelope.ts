import "server-only";
import { randomUUID } from "node:crypto";
import { EngineError } from "./codes";

/** Opaque per-request id, as Kling returns on every answer (seen as UUIDs). */
export function newRequestId(): string {
  return randomUUID();
}

export function succeed(data: unknown, requestId: string): Response {
  return Response.json({ code: 0, message: "SUCCEED", request_id: requestId, data });
}

/** Error bodies carry code, message and request_id — and no `data` (kling-api.md §5.1). */
export function failure(error: EngineError, requestId: string): Response {
  return Response.json({ code: error.code, message: error.message, request_id: requestId }, { status: error.status });
}
