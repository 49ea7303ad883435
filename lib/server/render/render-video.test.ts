import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeVideo } from "@/lib/server/video-probe";
import { renderVideo } from "./render-video";
import { countFrames, frameColour } from "./testing";

const RED: [number, number, number] = [200, 40, 40];
const BLUE: [number, number, number] = [40, 40, 200];
const solid = (width: number, height: number, [r, g, b]: [number, number, number], format: "png" | "jpeg" = "png") =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .toFormat(format)
    .toBuffer();
/** Solid colours survive H.264 within a few levels. */
const expectColour = (actual: number[], expected: number[]) =>
  expect(actual.every((value, i) => Math.abs(value - (expected[i] ?? 0)) <= 12), `${actual} ≈ ${expected}`).toBe(true);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "render-test-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("renderVideo", () => {
  it("renders H.264 yuv420p at 30 fps, 150 frames, about 720p, from the start frame to the tail frame", { timeout: 120_000 }, async () => {
    const outPath = path.join(dir, "start-tail.mp4");
    const result = await renderVideo({ start: await solid(640, 360, RED), tail: await solid(500, 500, BLUE, "jpeg"), durationS: 5, outPath });
    expect(result).toEqual({ width: 1280, height: 720, frames: 150, fps: 30 });
    const info = await probeVideo(outPath);
    expect(info).toMatchObject({ codec: "h264", pixelFormat: "yuv420p", width: 1280, height: 720, fps: 30 });
    expect(info.durationS).toBeCloseTo(5, 1);
    expect(await countFrames(outPath)).toBe(150);
    expectColour(await frameColour(outPath, "first"), RED);
    expectColour(await frameColour(outPath, "last"), BLUE);
  });

  it("keeps a portrait frame's aspect and shows the tail frame when there is no start frame", { timeout: 120_000 }, async () => {
    const outPath = path.join(dir, "end-only.mp4");
    const result = await renderVideo({ start: null, tail: await solid(360, 640, BLUE), durationS: 5, outPath });
    expect([result.width, result.height]).toEqual([720, 1280]);
    expect(await probeVideo(outPath)).toMatchObject({ width: 720, height: 1280 });
    expectColour(await frameColour(outPath, "last"), BLUE);
  });

  it("stops on abort and leaves no file behind", { timeout: 60_000 }, async () => {
    const abortDir = path.join(dir, "aborted");
    await mkdir(abortDir);
    const controller = new AbortController();
    const rendering = renderVideo({ start: await solid(640, 360, RED), tail: null, durationS: 10, outPath: path.join(abortDir, "x.mp4"), signal: controller.signal });
    controller.abort(new Error("stop now"));
    await expect(rendering).rejects.toThrow("stop now");
    expect(await readdir(abortDir)).toEqual([]);
  });

  it("refuses a job without any frame", async () => {
    await expect(renderVideo({ start: null, tail: null, durationS: 5, outPath: path.join(dir, "none.mp4") })).rejects.toThrow(/start or a tail/);
  });
});
