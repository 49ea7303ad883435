import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server, type S3Server } from "@/tests/support/s3-server";
import { serveFetch } from "@/tests/support/serve-fetch";
import { blobResponse } from "../range-response";
import type { BlobStore } from "./blob-store";
import { createFileBlobStore } from "./folder-blob-store";
import { withLocalCopy } from "./local-copy";
import { createS3BlobStore } from "./s3-blob-store";

/** The same contract for both stores: the app cannot tell which one it runs on. */

function bytes(length: number, seed = 0): Buffer {
  const buffer = Buffer.alloc(length);
  for (let i = 0; i < length; i++) buffer[i] = (i * 31 + seed) % 251;
  return buffer;
}

function streamOf(chunks: Buffer[], failAfter?: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && sent === failAfter) return controller.error(new Error("connection reset"));
      const chunk = chunks[sent++];
      if (chunk) controller.enqueue(new Uint8Array(chunk));
      else controller.close();
    },
  });
}

const text = async (stream: ReadableStream<Uint8Array> | null) => (stream ? Buffer.from(await new Response(stream).arrayBuffer()) : null);

let dir: string;
let s3: S3Server;
const stores: Record<string, () => BlobStore> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "blob-store-test-"));
  s3 = await startS3Server();
  stores.folder = () => createFileBlobStore(path.join(dir, "blobs"));
  stores.s3 = () => createS3BlobStore(s3.settings);
});
afterAll(async () => {
  await s3.close();
  await rm(dir, { recursive: true, force: true });
});

describe.each(["folder", "s3"])("the %s blob store", (kind) => {
  const store = () => stores[kind]!();

  it("stores, reads, stats and overwrites a blob", async () => {
    const blobs = store();
    expect(blobs.kind).toBe(kind);
    await blobs.put("assets/a1", bytes(1000));
    expect(await blobs.get("assets/a1")).toEqual(bytes(1000));
    expect((await blobs.stat("assets/a1"))?.size).toBe(1000);
    expect((await blobs.stat("assets/a1"))?.modified).toBeInstanceOf(Date);
    await blobs.put("assets/a1", bytes(10, 7));
    expect(await blobs.get("assets/a1")).toEqual(bytes(10, 7));
  });

  it("answers null for a blob that does not exist", async () => {
    const blobs = store();
    expect(await blobs.get("assets/none")).toBeNull();
    expect(await blobs.stat("assets/none")).toBeNull();
    expect(await blobs.read("assets/none")).toBeNull();
    await expect(blobs.delete("assets/none")).resolves.toBeUndefined();
  });

  it("reads inclusive byte ranges, and the whole blob without one", async () => {
    const blobs = store();
    await blobs.put("videos/r.mp4", bytes(5000));
    expect(await text(await blobs.read("videos/r.mp4", { start: 100, end: 199 }))).toEqual(bytes(5000).subarray(100, 200));
    expect(await text(await blobs.read("videos/r.mp4", { start: 4999, end: 4999 }))).toEqual(bytes(5000).subarray(4999));
    expect(await text(await blobs.read("videos/r.mp4"))).toEqual(bytes(5000));
  });

  it("streams a multi-part body in and reports its size", async () => {
    const blobs = store();
    // Over two 5 MiB parts, in chunks that do not line up with them.
    const chunks = Array.from({ length: 11 }, (_, i) => bytes(1024 * 1024 + 13, i));
    const size = await blobs.putStream("videos/big.mp4", streamOf(chunks));
    expect(size).toBe(11 * (1024 * 1024 + 13));
    expect((await blobs.stat("videos/big.mp4"))?.size).toBe(size);
    // Buffer.equals: a deep toEqual over 11 MB takes minutes.
    expect(Buffer.concat(chunks).equals((await blobs.get("videos/big.mp4")) ?? Buffer.alloc(0))).toBe(true);
  });

  it("leaves no blob behind when the incoming stream fails", async () => {
    const blobs = store();
    await expect(blobs.putStream("videos/cut.mp4", streamOf([bytes(1000), bytes(1000)], 1))).rejects.toThrow();
    expect(await blobs.stat("videos/cut.mp4")).toBeNull();
    expect([...(await collect(blobs.keys("videos/")))].filter((key) => key.includes("cut"))).toEqual([]);
  });

  it("deletes a blob and lists keys by prefix", async () => {
    const blobs = store();
    await blobs.put("posters/p1.jpg", bytes(3));
    await blobs.put("posters/p2.jpg", bytes(3));
    expect((await collect(blobs.keys("posters/"))).sort()).toEqual(["posters/p1.jpg", "posters/p2.jpg"]);
    await blobs.delete("posters/p1.jpg");
    expect(await blobs.get("posters/p1.jpg")).toBeNull();
    expect(await collect(blobs.keys("posters/"))).toEqual(["posters/p2.jpg"]);
    expect(await collect(blobs.keys())).toEqual(expect.arrayContaining(["posters/p2.jpg", "assets/a1", "videos/r.mp4"]));
  });

  it("refuses a key that could escape the store before any I/O", async () => {
    const blobs = store();
    for (const key of ["../secret.key", "assets/../../x", "/etc/passwd", ""]) {
      await expect(blobs.get(key)).rejects.toThrow(/unsafe blob key/);
    }
  });

  it("serves ranges over HTTP (206, 416, If-Range) and 404s a missing blob", async () => {
    const blobs = store();
    await blobs.put("videos/h.mp4", bytes(3000));
    const server = await serveFetch(async (request) => {
      const key = new URL(request.url).pathname.slice(1);
      return (await blobResponse(blobs, key, request, { contentType: "video/mp4", cacheControl: "no-store" })) ?? new Response("missing", { status: 404 });
    });
    try {
      const partial = await fetch(`${server.url}/videos/h.mp4`, { headers: { Range: "bytes=1000-1999" } });
      expect(partial.status).toBe(206);
      expect(partial.headers.get("content-range")).toBe("bytes 1000-1999/3000");
      expect(Buffer.from(await partial.arrayBuffer())).toEqual(bytes(3000).subarray(1000, 2000));
      const whole = await fetch(`${server.url}/videos/h.mp4`);
      expect(whole.headers.get("accept-ranges")).toBe("bytes");
      expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes(3000));
      expect((await fetch(`${server.url}/videos/h.mp4`, { headers: { Range: "bytes=3000-" } })).status).toBe(416);
      const stale = await fetch(`${server.url}/videos/h.mp4`, { headers: { Range: "bytes=0-9", "If-Range": "Mon, 01 Jan 2001 00:00:00 GMT" } });
      expect(stale.status).toBe(200);
      await stale.body?.cancel();
      expect((await fetch(`${server.url}/videos/none.mp4`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("hands ffmpeg a local copy and removes it afterwards, also when the work fails", async () => {
    const blobs = store();
    await blobs.put("videos/c.mp4", bytes(2048));
    const before = await copiesInTmp();
    let seen = "";
    await withLocalCopy(blobs, "videos/c.mp4", async (file) => {
      seen = file;
      expect(await readFile(file)).toEqual(bytes(2048));
    });
    await expect(withLocalCopy(blobs, "videos/c.mp4", () => Promise.reject(new Error("ffmpeg failed")))).rejects.toThrow("ffmpeg failed");
    await expect(withLocalCopy(blobs, "videos/none.mp4", () => Promise.resolve())).rejects.toThrow(/no such blob/);
    expect(seen).not.toBe("");
    expect(await copiesInTmp()).toEqual(before);
  });

  it("passes its readiness check", async () => {
    await expect(store().check()).resolves.toBeUndefined();
  });
});

it("the S3 store fails its readiness check for a bucket that does not exist", async () => {
  await expect(createS3BlobStore({ ...s3.settings, bucket: "no-such-bucket" }).check()).rejects.toThrow();
});

async function collect(keys: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const key of keys) all.push(key);
  return all;
}

async function copiesInTmp(): Promise<string[]> {
  return (await readdir(os.tmpdir())).filter((name) => name.startsWith("motion-studio-blob-")).sort();
}
