import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frameCount, outputSize, TARGET_PIXELS } from "./output-size";

describe("outputSize", () => {
  it.each([
    [640, 360, 1280, 720],
    [1920, 1080, 1280, 720],
    [360, 640, 720, 1280],
    [1000, 1000, 960, 960],
    [1000, 400, 1518, 608],
  ])("%i×%i → %i×%i", (width, height, outWidth, outHeight) => {
    expect(outputSize(width, height)).toEqual({ width: outWidth, height: outHeight });
  });

  it("is even, keeps the aspect and has about 1280×720 pixels for every allowed frame", () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 8000 }), fc.integer({ min: 300, max: 8000 }), (width, height) => {
        fc.pre(width / height >= 0.4 && width / height <= 2.5);
        const out = outputSize(width, height);
        expect(out.width % 2 + out.height % 2).toBe(0);
        expect(Math.abs(out.width / out.height - width / height) / (width / height)).toBeLessThan(0.01);
        expect(Math.abs(out.width * out.height - TARGET_PIXELS) / TARGET_PIXELS).toBeLessThan(0.01);
      }),
    );
  });

  it("refuses an empty source", () => {
    expect(() => outputSize(0, 100)).toThrow(RangeError);
  });
});

describe("frameCount", () => {
  it.each([
    [5, 150],
    [10, 300],
  ])("%i s at 30 fps is %i frames", (seconds, frames) => {
    expect(frameCount(seconds)).toBe(frames);
  });
});
