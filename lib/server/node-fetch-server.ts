import "server-only";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

export type FetchHandler = (request: Request) => Promise<Response>;
export type ServedFetch = { url: string; port: number; close: () => Promise<void> };

/**
 * Serves a web-standard fetch handler over Node's HTTP server with streaming bodies both ways and
 * aborts on disconnect: the engine served alone (scripts/engine.ts) and the tests' small servers.
 */
export async function serveFetchHandler(handler: FetchHandler, options: { port?: number; host?: string } = {}): Promise<ServedFetch> {
  const server = http.createServer((incoming, outgoing) => {
    void respond(handler, incoming, outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function respond(handler: FetchHandler, incoming: http.IncomingMessage, outgoing: http.ServerResponse): Promise<void> {
  const abort = new AbortController();
  outgoing.on("close", () => {
    if (!outgoing.writableFinished) abort.abort();
  });
  try {
    const response = await handler(toRequest(incoming, abort.signal));
    outgoing.statusCode = response.status;
    response.headers.forEach((value, name) => outgoing.setHeader(name, value));
    if (!response.body) {
      outgoing.end();
      return;
    }
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), outgoing);
  } catch (error) {
    if (outgoing.headersSent) {
      outgoing.destroy();
      return;
    }
    outgoing.statusCode = 500;
    outgoing.end(error instanceof Error ? error.message : String(error));
  }
}

function toRequest(incoming: http.IncomingMessage, signal: AbortSignal): Request {
  const url = `http://${incoming.headers.host ?? "127.0.0.1"}${incoming.url ?? "/"}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(url, {
    method: incoming.method,
    headers,
    signal,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    // Required by undici for streamed request bodies.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}
