import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimpleCameraConfig } from "@/lib/recipe/schema";
import { centroid, inRect, mask, meanDifference, near, orientation, rgba, stripeCorrelation, weightedCentroid, type Picture, type Rgb } from "@/lib/motion/testing";
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

describe("rendered motion brush on a textured picture", () => {
  /*
   * Vertical stripes (16 px at the frame, 32 px in the video: wide enough to survive H.264), a red
   * square that travels right across a static column, 30 frames. Frame pixels → output: × 2.
   */
  const stripes = (x: number): Rgb => (x % 16 < 8 ? [60, 60, 60] : [190, 190, 190]);
  const square = inRect({ x: 100, y: 140, width: 80, height: 80 });
  const column = (x: number) => x >= 300 && x < 340;
  const path = [
    { x: 140, y: 360 - 180 },
    { x: 500, y: 360 - 180 },
  ];
  const redness = (r: number, g: number) => Math.max(0, r - g);
  const toOut = (inside: (x: number, y: number) => boolean) => (x: number, y: number) => inside(x / 2, y / 2);

  it("keeps the stripes where the region was and the region whole while it crosses a static area", { timeout: 90_000 }, async () => {
    const start = await png(rgba(FRAME.width, FRAME.height, (x, y) => (square(x, y) ? RED : stripes(x))), FRAME.width, FRAME.height, 4);
    const regionMask = await png(mask(FRAME.width, FRAME.height, square), FRAME.width, FRAME.height, 1);
    const staticMask = await png(mask(FRAME.width, FRAME.height, column), FRAME.width, FRAME.height, 1);
    // Frame 15 of 30 (t = 15/29): the square's centre at x ≈ 326, on the static column.
    const [first, middle, last] = await renderFrames(start, { motion: { staticMask, regions: [{ mask: regionMask, trajectory: path }], camera: null }, frames: [0, 15, LAST] });
    const truth = picture(new Uint8Array(rgba(OUT.width, OUT.height, (x) => stripes(x / 2)).filter((_, i) => i % 4 !== 3)));

    // The vacated place (a margin inside the square's edge, where H.264 blurs) shows the stripes.
    const vacated = toOut(inRect({ x: 104, y: 144, width: 72, height: 72 }));
    expect(stripeCorrelation(last!, truth, vacated)).toBeGreaterThan(0.9);
    expect(meanDifference(last!, truth, vacated)).toBeLessThan(12);

    // On the static column, the square is all there: its red mass and its pixel count.
    const before = weightedMass(first!, redness);
    for (const frame of [middle!, last!]) expect(Math.abs(weightedMass(frame, redness) / before - 1)).toBeLessThan(0.03);
    const red = near(RED, 60);
    expect(Math.abs(centroid(middle!, red).count / centroid(first!, red).count - 1)).toBeLessThan(0.03);
    const centre = centroid(middle!, red);
    expect(Math.abs(centre.x - (140 + (360 * 15) / LAST) * 2)).toBeLessThan(2);

    // Static pixels the square is not passing over stay as they were.
    const still = toOut((x, y) => column(x) && x >= 302 && x < 338 && (y < 130 || y > 230));
    expect(meanDifference(middle!, first!, still)).toBeLessThan(3);
  });
});

function weightedMass(frame: Picture, weight: (r: number, g: number, b: number) => number): number {
  return weightedCentroid(frame, weight).mass;
}
