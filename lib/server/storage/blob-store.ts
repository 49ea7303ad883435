import "server-only";

/** What a store knows about one blob: enough for Range serving (size) and If-Range (modified). */
export type BlobInfo = { size: number; modified: Date };

/** An inclusive byte range of a blob. */
export type BlobRange = { start: number; end: number };

/**
 * Where binary files live: a folder under DATA_DIR (folder-blob-store.ts, the default) or an
 * S3-compatible bucket (s3-blob-store.ts). Nothing outside the stores knows which: readers stream
 * ranges, and ffmpeg gets a temporary local copy (local-copy.ts).
 */
export type BlobStore = {
  /** "folder" or "s3", for the health check and the admin's progress line. */
  kind: "folder" | "s3";
  put(key: string, data: Buffer): Promise<void>;
  /** Streams a body (e.g. a downloaded video) in without holding it in memory; resolves to its size. */
  putStream(key: string, body: ReadableStream<Uint8Array>): Promise<number>;
  get(key: string): Promise<Buffer | null>;
  stat(key: string): Promise<BlobInfo | null>;
  /** The blob's bytes (a range of them), streamed; null when there is no such blob. `signal` stops the read. */
  read(key: string, range?: BlobRange, signal?: AbortSignal): Promise<ReadableStream<Uint8Array> | null>;
  /** Every key below `prefix` (all keys without one), for copying a store. */
  keys(prefix?: string): AsyncIterable<string>;
  delete(key: string): Promise<void>;
  /** Throws when the store cannot be reached (readiness check); cheap. */
  check(): Promise<void>;
};

const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

/** Keys come from our own ids, never from a client; anything else is a bug, refused before any I/O. */
export function assertSafeKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`unsafe blob key: ${key}`);
  return key;
}
