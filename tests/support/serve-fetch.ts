import { serveFetchHandler } from "@/lib/server/node-fetch-server";

export type ServedFetch = { url: string; close: () => Promise<void> };

/**
 * Serves a web-standard fetch handler on 127.0.0.1 with an ephemeral port, so tests exercise real
 * HTTP (status lines, headers, streaming bodies, Range) instead of calling the handler directly.
 */
export async function serveFetch(handler: (request: Request) => Promise<Response>): Promise<ServedFetch> {
  return serveFetchHandler(handler);
}
