import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Size } from "@/lib/geometry/types";
import type { Mask, VectorMask } from "@/lib/recipe/schema";
import { rasterizeMask } from "./rasterize";

const noAssets = async (id: string): Promise<Buffer> => {
  throw new Error(`unexpected asset ${id}`);
};

/** Decodes the PNG's grey values; `info.channels` is what the file itself holds. */
async function rasterize(mask: Mask, size: Size, loadAsset = noAssets) {
  const png = await rasterizeMask(mask, size, loadAsset);
  const metadata = await sharp(png).metadata();
  // sharp decodes a grey PNG to sRGB by default; keep one channel to index pixels simply.
  const { data } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const info = { width: metadata.width, height: metadata.height, channels: metadata.channels };
  const at = (x: number, y: number) => data[y * metadata.width + x] as number;
  return { png, metadata, data, info, at };
}

describe("rasterizeMask (vector)", () => {
  it("paints the pixels under a stroke white and leaves the rest black", async () => {
    const mask: VectorMask = { strokes: [{ op: "paint", size: 20, points: [{ x: 100, y: 100 }, { x: 300, y: 100 }] }] };
    const { at, metadata } = await rasterize(mask, { width: 640, height: 360 });
    expect(metadata).toMatchObject({ format: "png", width: 640, height: 360, channels: 1, hasAlpha: false });
    expect(at(100, 100)).toBe(255);
    expect(at(200, 95)).toBe(255);
    expect(at(305, 100)).toBe(255); // round cap
    expect(at(200, 120)).toBe(0);
    expect(at(320, 100)).toBe(0);
    expect(at(0, 0)).toBe(0);
  });

  it("is binary: only 0 and 255", async () => {
    const mask: VectorMask = { strokes: [{ op: "paint", size: 33, points: [{ x: 10, y: 10 }, { x: 200, y: 130 }, { x: 50, y: 170 }] }] };
    const { data } = await rasterize(mask, { width: 320, height: 200 });
    expect(new Set(data)).toEqual(new Set([0, 255]));
  });

  it("erases in order: an erase removes earlier paint, later paint covers the erase", async () => {
    const mask: VectorMask = {
      strokes: [
        { op: "paint", polygon: [{ x: 0, y: 0 }, { x: 200, y: 0 }, { x: 200, y: 100 }, { x: 0, y: 100 }] },
        { op: "erase", size: 30, points: [{ x: 100, y: 0 }, { x: 100, y: 100 }] },
        { op: "paint", size: 10, points: [{ x: 100, y: 50 }] },
      ],
    };
    const { at } = await rasterize(mask, { width: 400, height: 300 });
    expect(at(50, 50)).toBe(255);
    expect(at(100, 20)).toBe(0);
    expect(at(110, 80)).toBe(0);
    expect(at(100, 50)).toBe(255);
    expect(at(150, 50)).toBe(255);
  });

  it("draws a single-point stroke as a dot of the brush's diameter", async () => {
    const { at } = await rasterize({ strokes: [{ op: "paint", size: 40, points: [{ x: 50, y: 60 }] }] }, { width: 300, height: 300 });
    expect(at(50, 60)).toBe(255);
    expect(at(50, 78)).toBe(255);
    expect(at(50, 82)).toBe(0);
    expect(at(64, 74)).toBe(0); // outside the circle, inside its bounding square
  });

  it("puts an asymmetric shape where it was drawn: not flipped, not mirrored", async () => {
    // An L in the top-left quarter: a tall bar down the left, a foot to the right at its bottom.
    const mask: VectorMask = {
      strokes: [{ op: "paint", polygon: [{ x: 10, y: 10 }, { x: 40, y: 10 }, { x: 40, y: 120 }, { x: 150, y: 120 }, { x: 150, y: 150 }, { x: 10, y: 150 }] }],
    };
    const { at } = await rasterize(mask, { width: 1280, height: 720 });
    expect(at(20, 20)).toBe(255); // top of the bar
    expect(at(140, 140)).toBe(255); // end of the foot
    expect(at(140, 20)).toBe(0); // the empty corner of the L
    expect(at(20, 720 - 20)).toBe(0); // where a y-flip would put it
    expect(at(1280 - 20, 20)).toBe(0); // where an x-mirror would put it
  });

  it.each([
    { width: 4096, height: 4096 },
    { width: 1280, height: 720 },
    { width: 300, height: 750 },
  ])("outputs exactly $width×$height", async (size) => {
    const mask: VectorMask = { strokes: [{ op: "paint", size: 50, points: [{ x: size.width - 30, y: size.height - 30 }] }] };
    const { info, at } = await rasterize(mask, size);
    expect({ width: info.width, height: info.height, channels: info.channels }).toEqual({ ...size, channels: 1 });
    expect(at(size.width - 30, size.height - 30)).toBe(255);
    expect(at(size.width - 8, size.height - 30)).toBe(255);
    expect(at(size.width - 30, size.height - 8)).toBe(255);
    expect(at(size.width - 1, size.height - 1)).toBe(0);
    expect(at(0, 0)).toBe(0);
  });

  it("gives an all-black mask for no shapes", async () => {
    const { data } = await rasterize({ strokes: [] }, { width: 320, height: 320 });
    expect(data.every((v) => v === 0)).toBe(true);
  });

  it.each([
    { width: 0, height: 10 },
    { width: 10.5, height: 10 },
  ])("rejects size $width×$height", async (size) => {
    await expect(rasterizeMask({ strokes: [] }, size, noAssets)).rejects.toThrow(RangeError);
  });
});

describe("rasterizeMask (uploaded asset)", () => {
  async function uploadedMask(): Promise<Buffer> {
    // 200×100 RGBA: transparent everywhere, grey-ish white square in the top-left quarter, mid-grey dot.
    const width = 200;
    const height = 100;
    const data = Buffer.alloc(width * height * 4);
    for (let y = 0; y < 50; y++) for (let x = 0; x < 100; x++) data.set([230, 230, 230, 255], (y * width + x) * 4);
    for (let y = 60; y < 90; y++) for (let x = 150; x < 190; x++) data.set([90, 90, 90, 255], (y * width + x) * 4);
    return sharp(data, { raw: { width, height, channels: 4 } }).png().toBuffer();
  }

  it("stretches to exactly the frame, thresholds to pure white/black, keeps orientation", async () => {
    const source = await uploadedMask();
    const { info, at, data } = await rasterize({ asset: "uploadedmask1" }, { width: 1280, height: 720 }, async (id) => {
      expect(id).toBe("uploadedmask1");
      return source;
    });
    expect({ width: info.width, height: info.height, channels: info.channels }).toEqual({ width: 1280, height: 720, channels: 1 });
    expect(new Set(data)).toEqual(new Set([0, 255]));
    expect(at(100, 100)).toBe(255); // top-left quarter
    expect(at(600, 320)).toBe(255);
    expect(at(700, 100)).toBe(0); // top-right: transparent → black
    expect(at(100, 600)).toBe(0); // bottom-left: where a flip would put the square
    expect(at(1100, 500)).toBe(0); // the dark grey dot is below the threshold
  });

  it("outputs a 4096×4096 mask from a small upload", async () => {
    const source = await uploadedMask();
    const { info } = await rasterize({ asset: "uploadedmask1" }, { width: 4096, height: 4096 }, async () => source);
    expect([info.width, info.height, info.channels]).toEqual([4096, 4096, 1]);
  });
});
