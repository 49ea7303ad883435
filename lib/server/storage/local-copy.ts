import "server-only";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { BlobStore } from "./blob-store";

/**
 * Runs `work` with a temporary local file holding the blob, for ffmpeg, which needs a seekable file
 * (an MP4's index may sit at its end). The file is removed afterwards whatever happens.
 */
export async function withLocalCopy<T>(blobs: BlobStore, key: string, work: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "motion-studio-blob-"));
  try {
    const body = await blobs.read(key);
    if (!body) throw new Error(`no such blob: ${key}`);
    const file = path.join(dir, path.basename(key));
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(file));
    return await work(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
