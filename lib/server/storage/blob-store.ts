import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile, readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

/**
 * Where binary files live. The filesystem implementation keeps them under DATA_DIR/blobs; an
 * S3-compatible store can implement the same interface when one machine is not enough.
 */
export type BlobStore = {
  put(key: string, data: Buffer): Promise<void>;
  /** Streams a body (e.g. a downloaded video) in without holding it in memory. */
  putStream(key: string, body: ReadableStream<Uint8Array>): Promise<number>;
  get(key: string): Promise<Buffer | null>;
  size(key: string): Promise<number | null>;
  /** A local file path to stream ranges from. */
  localPath(key: string): string;
  delete(key: string): Promise<void>;
};

const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

export function createFileBlobStore(root: string): BlobStore {
  const resolve = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`unsafe blob key: ${key}`);
    return path.join(root, key);
  };
  const writeAtomically = async (key: string, write: (tmp: string) => Promise<void>) => {
    const target = resolve(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Unique per write: two uploads of the same image may race to the same key.
    const tmp = `${target}.${randomUUID()}.tmp`;
    // Readers only ever see a complete file; a failed write (a full disk) leaves no partial one behind.
    try {
      await write(tmp);
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  };
  return {
    localPath: resolve,
    async put(key, data) {
      await writeAtomically(key, (tmp) => writeFile(tmp, data));
    },
    async putStream(key, body) {
      await writeAtomically(key, (tmp) => pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(tmp)));
      return (await stat(resolve(key))).size;
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async size(key) {
      try {
        return (await stat(resolve(key))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
