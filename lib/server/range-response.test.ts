import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFetch, type ServedFetch } from "@/tests/support/serve-fetch";
import { fileResponse, parseRange } from "./range-response";

describe("parseRange", () => {
  it.each([
    [null, 1000, null],
    ["bytes=0-99", 1000, { start: 0, end: 99 }],
    ["bytes=500-", 1000, { start: 500, end: 999 }],
    ["bytes=-100", 1000, { start: 900, end: 999 }],
    ["bytes=-5000", 1000, { start: 0, end: 999 }],
    ["bytes=900-5000", 1000, { start: 900, end: 999 }],
    ["bytes=1000-", 1000, "unsatisfiable"],
    ["bytes=1000-2000", 1000, "unsatisfiable"],
    ["bytes=-0", 1000, "unsatisfiable"],
    ["bytes=0-", 0, "unsatisfiable"],
    ["bytes=5-3", 1000, null],
    ["bytes=0-1,5-9", 1000, null],
    ["items=0-9", 1000, null],
    ["bytes=-", 1000, null],
  ] as const)("%s of %i bytes → %j", (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it("always returns a range inside the file", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.option(fc.nat(20_000)), fc.option(fc.nat(20_000)), (size, a, b) => {
        const range = parseRange(`bytes=${a ?? ""}-${b ?? ""}`, size);
        if (range && range !== "unsatisfiable") {
          expect(range.start).toBeGreaterThanOrEqual(0);
          expect(range.start).toBeLessThanOrEqual(range.end);
          expect(range.end).toBeLessThan(size);
        }
      }),
    );
  });
});

describe("fileResponse over HTTP", () => {
  const content = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
  let server: ServedFetch;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "range-test-"));
    const file = path.join(dir, "video.mp4");
    await writeFile(file, content);
    server = await serveFetch((request) => fileResponse(file, request, { contentType: "video/mp4", cacheControl: "private, max-age=60" }));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (headers: Record<string, string> = {}, method = "GET") => fetch(`${server.url}/video.mp4`, { headers, method });

  it("serves the whole file with Accept-Ranges", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("cache-control")).toBe("private, max-age=60");
    expect(response.headers.get("content-length")).toBe("5000");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(content);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=4990-", 4990, 4999],
    ["bytes=-10", 4990, 4999],
    ["bytes=100-100", 100, 100],
  ])("answers %s with 206 and exactly those bytes", async (range, start, end) => {
    const response = await get({ Range: range });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/5000`);
    expect(response.headers.get("content-length")).toBe(String(end - start + 1));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(content.subarray(start, end + 1));
  });

  it("answers 416 with the size for a range past the end", async () => {
    const response = await get({ Range: "bytes=5000-" });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */5000");
  });

  it("answers HEAD with headers only", async () => {
    const response = await get({ Range: "bytes=0-9" }, "HEAD");
    expect(response.status).toBe(206);
    expect(response.headers.get("content-length")).toBe("10");
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it("ignores the range when If-Range names another version", async () => {
    const response = await get({ Range: "bytes=0-9", "If-Range": "Wed, 21 Oct 2015 07:28:00 GMT" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("5000");
  });
});
