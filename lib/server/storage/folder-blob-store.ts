import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { assertSafeKey, type BlobStore } from "./blob-store";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** Blobs as files under `root` (DATA_DIR/blobs), each written to a temporary name and renamed. */
export function createFileBlobStore(root: string): BlobStore {
  const resolve = (key: string) => path.join(root, assertSafeKey(key));
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
    kind: "folder",
    async put(key, data) {
      await writeAtomically(key, (tmp) => writeFile(tmp, data));
    },
    async putStream(key, body) {
      await writeAtomically(key, (tmp) => pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(tmp)));
      return (await stat(resolve(key))).size;
    },
    async get(key) {
      return readFile(resolve(key)).catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
    },
    async stat(key) {
      try {
        const info = await stat(resolve(key));
        return { size: info.size, modified: info.mtime };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async read(key, range, signal) {
      const file = resolve(key);
      // Opening first turns a missing file into null instead of an error mid-stream.
      const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {});
      const opened = await new Promise<boolean>((done, fail) => {
        stream.once("open", () => done(true));
        stream.once("error", (error) => (isMissing(error) ? done(false) : fail(error)));
      });
      if (!opened) return null;
      // A player that seeks away aborts the request; close the file instead of reading on.
      signal?.addEventListener("abort", () => stream.destroy(), { once: true });
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },
    async *keys(prefix = "") {
      const start = prefix ? resolve(prefix.replace(/\/+$/, "")) : root;
      for (const entry of await readdir(start, { recursive: true, withFileTypes: true }).catch((error: unknown) => (isMissing(error) ? [] : Promise.reject(error)))) {
        if (!entry.isFile() || entry.name.endsWith(".tmp")) continue;
        yield path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
    async check() {
      await mkdir(root, { recursive: true });
    },
  };
}
