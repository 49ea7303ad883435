import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimpleCameraConfig } from "@/lib/recipe/schema";
import { centroid, inRect, mask, meanDifference, near, orientation, rgba, type Picture, type Rgb } from "@/lib/motion/testing";
import { renderVideo, type RenderMotion } from "./render-video";
import { decodeFrames } from "./testing";

/*
 * The renderer's MP4, decoded back: camera zoom and roll, the tail frame, and a region on a frame
 * whose size is not a multiple of the output's. One-second clips (30 frames) keep the CPU bill low;
 * the five-second motion-brush clip is tested end to end through the engine (engine-motion.test.ts).
 */

const FRAME = { width: 640, height: 360 };
const OUT = { width: 1280, height: 720 };
const GREY: Rgb = [128, 128, 128];
const RED: Rgb = [220, 30, 30];
const LAST = 29;
const ZERO: SimpleCameraConfig = { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0 };

const png = (data: Uint8Array, width: number, height: number, channels: 1 | 4) => sharp(data, { raw: { width, height, channels } }).png().toBuffer();
const picture = (data: Uint8Array): Picture => ({ ...OUT, channels: 3, data });
const redPixels = near(RED, 60);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "motion-video-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function renderFrames(start: Uint8Array, options: { tail?: Uint8Array; motion?: RenderMotion; frames?: number[] } = {}) {
  const outPath = path.join(dir, `${Math.random().toString(36).slice(2)}.mp4`);
  const result = await renderVideo({ start, tail: options.tail ?? null, durationS: 1, outPath, ...(options.motion ? { motion: options.motion } : {}) });
  expect(result).toMatchObject({ ...OUT, frames: 30 });
  return (await decodeFrames(outPath, OUT, options.frames ?? [0, LAST])).map(picture);
}

const camera = (config: Partial<SimpleCameraConfig>): RenderMotion => ({ staticMask: null, regions: [], camera: { type: "simple", config: { ...ZERO, ...config } } });

describe("rendered camera moves", () => {
  it.each([
    [10, 1 / 1.5 ** 2],
    [-10, 1.5 ** 2],
  ])("zoom %i scales the picture's area by %f about the centre by the last frame", { timeout: 60_000 }, async (zoom, areaRatio) => {
    const square = inRect({ x: 280, y: 140, width: 80, height: 80 });
    const start = await png(rgba(FRAME.width, FRAME.height, (x, y) => (square(x, y) ? RED : GREY)), FRAME.width, FRAME.height, 4);
    const [first, last] = await renderFrames(start, { motion: camera({ zoom }) });
    const before = centroid(first!, redPixels);
    const after = centroid(last!, redPixels);
    expect(after.count / before.count).toBeGreaterThan(areaRatio * 0.92);
    expect(after.count / before.count).toBeLessThan(areaRatio * 1.08);
    expect(Math.hypot(after.x - 640, after.y - 360)).toBeLessThan(2);
  });

  it("roll +10 turns the picture 15° clockwise by the last frame", { timeout: 60_000 }, async () => {
    const bar = inRect({ x: 220, y: 165, width: 200, height: 30 });
    const start = await png(rgba(FRAME.width, FRAME.height, (x, y) => (bar(x, y) ? RED : GREY)), FRAME.width, FRAME.height, 4);
    const [first, last] = await renderFrames(start, { motion: camera({ roll: 10 }) });
    expect(orientation(first!, redPixels)).toBeCloseTo(0, 0);
    expect(Math.abs(orientation(last!, redPixels) - 15)).toBeLessThan(1);
  });
});

describe("rendered tail frame", () => {
  it("dissolves into the tail frame, which the last frame shows", { timeout: 60_000 }, async () => {
    const start = await png(rgba(FRAME.width, FRAME.height, (x, y) => (inRect({ x: 100, y: 100, width: 60, height: 60 })(x, y) ? RED : GREY)), FRAME.width, FRAME.height, 4);
    // A textured tail at another size: the renderer fits it to the start frame's output size.
    const tailPixels = rgba(800, 450, (x, y) => [(x * 255) / 800, (y * 255) / 450, 90]);
    const tail = await png(tailPixels, 800, 450, 4);
    const expected = picture(new Uint8Array(await sharp(tail).resize(OUT.width, OUT.height, { fit: "cover" }).removeAlpha().raw().toBuffer()));
    const [first, middle, last] = await renderFrames(start, { tail, frames: [0, 15, LAST] });
    expect(meanDifference(last!, expected)).toBeLessThan(2);
    expect(meanDifference(first!, expected)).toBeGreaterThan(30);
    expect(meanDifference(middle!, expected)).toBeGreaterThan(meanDifference(last!, expected) + 5);
  });
});

describe("rendered motion brush", () => {
  it("moves a region by its trajectory scaled from a 960×540 frame to 1280×720", { timeout: 60_000 }, async () => {
    const frame = { width: 960, height: 540 };
    const square = inRect({ x: 150, y: 300, width: 90, height: 90 });
    const start = await png(rgba(frame.width, frame.height, (x, y) => (square(x, y) ? RED : GREY)), frame.width, frame.height, 4);
    const regionMask = await png(mask(frame.width, frame.height, square), frame.width, frame.height, 1);
    // Kling's bottom-left origin: from the square's centre (195, 345 top-left) up and right.
    const trajectory = [
      { x: 195, y: 540 - 345 },
      { x: 645, y: 540 - 195 },
    ];
    const [first, last] = await renderFrames(start, { motion: { staticMask: null, regions: [{ mask: regionMask, trajectory }], camera: null } });
    const scale = OUT.width / frame.width;
    const before = centroid(first!, redPixels);
    const after = centroid(last!, redPixels);
    expect(Math.hypot(before.x - 195 * scale, before.y - 345 * scale)).toBeLessThan(2);
    expect(Math.hypot(after.x - 645 * scale, after.y - 195 * scale)).toBeLessThan(2);
  });
});
