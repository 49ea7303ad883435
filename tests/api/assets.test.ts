import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { ownerFetch } from "../support/owner-fetch";
import { makeImage, upload, type ApiAsset } from "../support/fixtures";

let app: AppServer;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

type ErrorBody = { error: { code: string; message: string; field?: string } };

/** A 640 × 480 picture with detail in every row, so any cut loses real image data. */
async function detailed(format: "png" | "jpeg" | "exif" | "webp" | "gif" | "avif"): Promise<Buffer> {
  const image = sharp({ create: { width: 640, height: 480, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } } });
  if (format === "png") return image.png().toBuffer();
  if (format === "exif") return image.jpeg().withMetadata({ orientation: 6 }).toBuffer();
  if (format === "webp") return image.webp().toBuffer();
  if (format === "gif") return image.gif().toBuffer();
  if (format === "avif") return image.avif({ effort: 0 }).toBuffer();
  return image.jpeg().toBuffer();
}

const cut = (data: Buffer, fraction: number) => data.subarray(0, Math.floor(data.length * fraction));

describe("POST /api/assets", () => {
  it("stores a JPEG and gives the same id for the same bytes", async () => {
    const image = await makeImage(640, 360);
    const first = await upload(app.url, image);
    expect(first.status).toBe(201);
    const { asset } = (await first.json()) as { asset: ApiAsset };
    expect(asset).toMatchObject({ width: 640, height: 360, mime: "image/jpeg", bytes: image.length, url: `/api/assets/${asset.id}` });
    const again = (await (await upload(app.url, image)).json()) as { asset: ApiAsset };
    expect(again.asset.id).toBe(asset.id);

    const stored = await ownerFetch(`${app.url}${asset.url}`);
    expect(stored.status).toBe(200);
    expect(stored.headers.get("content-type")).toBe("image/jpeg");
    expect(stored.headers.get("cache-control")).toContain("immutable");
    expect(Buffer.from(await stored.arrayBuffer()).equals(image)).toBe(true);
  });

  it("converts WebP to an accepted format", async () => {
    const response = await upload(app.url, await makeImage(500, 500, { format: "webp" }), "frame.webp", "image/webp");
    expect(response.status).toBe(201);
    const { asset } = (await response.json()) as { asset: ApiAsset };
    expect(["image/jpeg", "image/png"]).toContain(asset.mime);
  });

  it("applies EXIF orientation before measuring", async () => {
    const portrait = await sharp({ create: { width: 800, height: 400, channels: 3, background: "#888" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { asset } = (await (await upload(app.url, portrait)).json()) as { asset: ApiAsset };
    expect([asset.width, asset.height]).toEqual([400, 800]);
    const meta = await sharp(Buffer.from(await (await ownerFetch(`${app.url}${asset.url}`)).arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([400, 800]);
  });

  it("re-encodes an image above 10 MB", async () => {
    const noise = Buffer.alloc(2400 * 2400 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const png = await sharp(noise, { raw: { width: 2400, height: 2400, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(png.length).toBeGreaterThan(10 * 1024 * 1024);
    const response = await upload(app.url, png, "noise.png", "image/png");
    expect(response.status).toBe(201);
    const { asset } = (await response.json()) as { asset: ApiAsset };
    expect(asset.bytes).toBeLessThanOrEqual(10 * 1024 * 1024);
  });

  const refusals: Array<[string, () => Promise<Response>, number, string, RegExp]> = [
    ["a side under 300 px", async () => upload(app.url, await makeImage(200, 400)), 422, "image-too-small", /200 × 400.*at least 300 px/],
    ["an aspect beyond 2.5:1", async () => upload(app.url, await makeImage(1000, 300)), 422, "aspect-ratio", /between 1:2\.5 and 2\.5:1/],
    ["an aspect beyond 1:2.5", async () => upload(app.url, await makeImage(300, 1000)), 422, "aspect-ratio", /aspect/],
    ["bytes that are not an image", () => upload(app.url, Buffer.from("hello, not an image"), "x.jpg"), 415, "unsupported-media-type", /not an image/],
    ["a body that is not multipart", () => ownerFetch(`${app.url}/api/assets`, { method: "POST", body: "x" }), 415, "unsupported-media-type", /multipart/],
    ["a form without a file", () => ownerFetch(`${app.url}/api/assets`, { method: "POST", body: new FormData() }), 400, "invalid-request", /file: is required/],
    ["a body above 40 MB", () => upload(app.url, Buffer.alloc(41 * 1024 * 1024)), 413, "payload-too-large", /larger than 40 MB/],
    [
      "a decompression bomb",
      async () => upload(app.url, await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#000" } }).png().toBuffer(), "bomb.png", "image/png"),
      413,
      "image-too-large",
      /10000 × 10000 pixels \(100\.0 megapixels\); at most 64 megapixels/,
    ],
    ["a PNG cut in half", async () => upload(app.url, cut(await detailed("png"), 0.5), "half.png", "image/png"), 422, "image-corrupt", /PNG image data is corrupt or cut short/],
    ["a PNG cut right after its header", async () => upload(app.url, (await detailed("png")).subarray(0, 33), "head.png", "image/png"), 422, "image-corrupt", /PNG/],
    ["a truncated JPEG", async () => upload(app.url, cut(await detailed("jpeg"), 0.7)), 422, "image-corrupt", /JPEG image data is corrupt or cut short/],
    ["a truncated EXIF-rotated JPEG", async () => upload(app.url, cut(await detailed("exif"), 0.6)), 422, "image-corrupt", /JPEG/],
    ["a truncated WebP", async () => upload(app.url, cut(await detailed("webp"), 0.6), "x.webp", "image/webp"), 422, "image-corrupt", /corrupt or cut short/],
    ["a truncated GIF", async () => upload(app.url, cut(await detailed("gif"), 0.6), "x.gif", "image/gif"), 422, "image-corrupt", /corrupt or cut short/],
    ["a truncated AVIF", async () => upload(app.url, cut(await detailed("avif"), 0.6), "x.avif", "image/avif"), 422, "image-corrupt", /AVIF\/HEIF image data is corrupt/],
  ];

  it.each(refusals)("refuses %s with a clear error", async (_name, send, status, code, message) => {
    const response = await send();
    expect(response.status).toBe(status);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  });

  it("answers 404 for an unknown asset", async () => {
    const response = await ownerFetch(`${app.url}/api/assets/doesnotexist123`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe("not-found");
  });
});
