import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import type { BlobRange, BlobStore } from "./storage/blob-store";

export type FileResponseOptions = { contentType: string; cacheControl: string };

/** An inclusive byte range, or why none can be served. */
export type ByteRange = { start: number; end: number } | "unsatisfiable" | null;

/**
 * Reads a `Range` header for a file of `size` bytes. Only single ranges are honoured: a
 * multi-range or malformed header is ignored (null → the whole file), as RFC 9110 allows.
 */
export function parseRange(header: string | null, size: number): ByteRange {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== "" && Number(last) < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

/** Something to serve ranges of: its size, its version (If-Range) and a way to stream a range. */
export type RangeSource = {
  size: number;
  modified: Date;
  open(range: BlobRange, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
};

/** Streams a source (never read whole into memory) with `Accept-Ranges: bytes`, 206 and 416. */
export async function rangeResponse(source: RangeSource, request: Request, options: FileResponseOptions): Promise<Response> {
  const { size } = source;
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Content-Type": options.contentType,
    "Cache-Control": options.cacheControl,
    "Last-Modified": source.modified.toUTCString(),
  });
  // A changed file must not be stitched together with ranges of its previous version.
  const ifRange = request.headers.get("if-range");
  const rangeHeader = ifRange && ifRange !== headers.get("Last-Modified") ? null : request.headers.get("range");
  const range = parseRange(rangeHeader, size);
  const isHead = request.method === "HEAD";

  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    headers.set("Content-Length", "0");
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  headers.set("Content-Length", String(length));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
  const body = isHead || length === 0 ? null : await source.open({ start, end }, request.signal);
  return new Response(body, { status: range ? 206 : 200, headers });
}

/** A local file (the engine's own videos). Throws ENOENT when it does not exist. */
export async function fileResponse(filePath: string, request: Request, options: FileResponseOptions): Promise<Response> {
  const { size, mtime } = await stat(filePath);
  const open = async ({ start, end }: BlobRange, signal: AbortSignal) => {
    const stream = createReadStream(filePath, { start, end });
    // A player that seeks away aborts the request; close the file instead of reading on.
    signal.addEventListener("abort", () => stream.destroy(), { once: true });
    return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  };
  return rangeResponse({ size, modified: mtime, open }, request, options);
}

/** A blob of either store; null when there is no such blob (or it vanished between stat and read). */
export async function blobResponse(blobs: BlobStore, key: string, request: Request, options: FileResponseOptions): Promise<Response | null> {
  const info = await blobs.stat(key);
  if (!info) return null;
  const open = async (range: BlobRange, signal: AbortSignal) => {
    const body = await blobs.read(key, range, signal);
    if (!body) throw new BlobVanishedError(key);
    return body;
  };
  try {
    return await rangeResponse({ ...info, open }, request, options);
  } catch (error) {
    if (error instanceof BlobVanishedError) return null;
    throw error;
  }
}

class BlobVanishedError extends Error {
  constructor(key: string) {
    super(`blob deleted while being served: ${key}`);
  }
}
