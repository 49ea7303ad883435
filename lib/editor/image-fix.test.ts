import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_ASPECT, MIN_ASPECT } from "@/lib/kling/contract";
import {
  aspectOf,
  clampCropBox,
  fitSize,
  formatAspect,
  frameProblems,
  isAspectAllowed,
  moveCropBox,
  nearestAllowedCrop,
  fixTransform,
  planFrame,
  upscaleSize,
} from "./image-fix";

const sizeArb = fc.record({ width: fc.integer({ min: 1, max: 8000 }), height: fc.integer({ min: 1, max: 8000 }) });

describe("nearestAllowedCrop", () => {
  it.each([
    { name: "allowed image is kept whole", size: { width: 1920, height: 1080 }, want: { x: 0, y: 0, width: 1920, height: 1080 } },
    { name: "panorama cropped to 2.5:1, centred", size: { width: 4000, height: 1000 }, want: { x: 750, y: 0, width: 2500, height: 1000 } },
    { name: "tall strip cropped to 1:2.5, centred", size: { width: 400, height: 2000 }, want: { x: 0, y: 500, width: 400, height: 1000 } },
    { name: "exact bound kept", size: { width: 750, height: 300 }, want: { x: 0, y: 0, width: 750, height: 300 } },
  ])("$name", ({ size, want }) => {
    expect(nearestAllowedCrop(size)).toEqual(want);
  });

  it("always yields an allowed aspect inside the image, as large as possible on one axis", () => {
    fc.assert(
      fc.property(sizeArb, (size) => {
        const crop = nearestAllowedCrop(size);
        expect(crop.x).toBeGreaterThanOrEqual(0);
        expect(crop.y).toBeGreaterThanOrEqual(0);
        expect(crop.x + crop.width).toBeLessThanOrEqual(size.width);
        expect(crop.y + crop.height).toBeLessThanOrEqual(size.height);
        expect(crop.width === size.width || crop.height === size.height).toBe(true);
        if (crop.width >= 3 && crop.height >= 3) expect(isAspectAllowed(crop)).toBe(true);
      }),
    );
  });
});

describe("clampCropBox and moveCropBox", () => {
  const image = { width: 1000, height: 400 };
  it.each([
    { box: { x: -50, y: 10, width: 200, height: 100 }, want: { x: 0, y: 10, width: 200, height: 100 } },
    { box: { x: 900, y: 350, width: 200, height: 100 }, want: { x: 800, y: 300, width: 200, height: 100 } },
    { box: { x: 10, y: 10, width: 2000, height: 100 }, want: { x: 0, y: 10, width: 1000, height: 100 } },
    { box: { x: 10.4, y: 9.6, width: 100, height: 100 }, want: { x: 10, y: 10, width: 100, height: 100 } },
  ])("clamps $box", ({ box, want }) => {
    expect(clampCropBox(box, image)).toEqual(want);
  });

  it("a drag never changes the box size nor lets it leave the image", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -5000, max: 5000 }), (dx, dy) => {
        const box = nearestAllowedCrop({ width: 3000, height: 600 });
        const moved = moveCropBox(box, dx, dy, { width: 3000, height: 600 });
        expect(moved.width).toBe(box.width);
        expect(moved.height).toBe(box.height);
        expect(moved.x).toBeGreaterThanOrEqual(0);
        expect(moved.x + moved.width).toBeLessThanOrEqual(3000);
      }),
    );
  });
});

describe("upscaleSize", () => {
  it.each([
    { size: { width: 200, height: 100 }, want: { width: 600, height: 300 } },
    { size: { width: 100, height: 250 }, want: { width: 300, height: 750 } },
    { size: { width: 299, height: 299 }, want: { width: 300, height: 300 } },
    { size: { width: 300, height: 800 }, want: { width: 300, height: 800 } },
    { size: { width: 250, height: 100 }, want: { width: 750, height: 300 } },
  ])("$size → $want", ({ size, want }) => {
    expect(upscaleSize(size)).toEqual(want);
  });

  it("reaches the minimum and keeps an allowed aspect allowed", () => {
    fc.assert(
      fc.property(sizeArb, (size) => {
        const out = upscaleSize(size);
        expect(Math.min(out.width, out.height)).toBeGreaterThanOrEqual(300);
        if (isAspectAllowed(size)) {
          expect(aspectOf(out)).toBeGreaterThanOrEqual(MIN_ASPECT);
          expect(aspectOf(out)).toBeLessThanOrEqual(MAX_ASPECT);
        }
      }),
    );
  });
});

describe("fitSize", () => {
  it("cover-crops a wider tail frame in the centre and outputs exactly the target size", () => {
    expect(fitSize({ width: 2000, height: 1000 }, { width: 1000, height: 1000 })).toEqual({
      crop: { x: 500, y: 0, width: 1000, height: 1000 },
      output: { width: 1000, height: 1000 },
    });
  });

  it("cover-crops a taller tail frame", () => {
    expect(fitSize({ width: 1080, height: 1920 }, { width: 1920, height: 1080 }).crop).toEqual({
      x: 0,
      y: 656,
      width: 1080,
      height: 608,
    });
  });

  it("crop stays inside the source and matches the target aspect within a pixel", () => {
    fc.assert(
      fc.property(sizeArb, sizeArb, (source, target) => {
        const { crop, output } = fitSize(source, target);
        expect(output).toEqual(target);
        expect(crop.x + crop.width).toBeLessThanOrEqual(source.width);
        expect(crop.y + crop.height).toBeLessThanOrEqual(source.height);
        const want = aspectOf(target);
        // One side is the source's; the other is rounded to a whole pixel (or at least 1 px).
        const widthOff = Math.abs(crop.width - crop.height * want);
        const heightOff = Math.abs(crop.height - crop.width / want);
        const tiny = crop.width === 1 || crop.height === 1;
        expect(tiny || widthOff <= 0.5 + 1e-9 || heightOff <= 0.5 + 1e-9).toBe(true);
      }),
    );
  });
});

describe("frameProblems", () => {
  it.each([
    { size: { width: 1920, height: 1080 }, kinds: [] },
    { size: { width: 200, height: 900 }, kinds: ["aspect", "too-small"] },
    { size: { width: 3000, height: 1000 }, kinds: ["aspect"] },
    { size: { width: 299, height: 400 }, kinds: ["too-small"] },
  ])("$size", ({ size, kinds }) => {
    expect(frameProblems(size).map((p) => p.kind)).toEqual(kinds);
  });

  it("writes aspect ratios the way the contract does", () => {
    expect(formatAspect({ width: 200, height: 900 })).toBe("1:4.5");
    expect(formatAspect({ width: 3000, height: 1000 })).toBe("3:1");
  });
});

describe("planFrame", () => {
  it("uploads a valid start frame as is", () => {
    expect(planFrame({ width: 1920, height: 1080 }, null)).toEqual({ action: "upload" });
  });

  it("uploads a tail frame of the start frame's size as is", () => {
    expect(planFrame({ width: 1920, height: 1080 }, { width: 1920, height: 1080 })).toEqual({ action: "upload" });
  });

  it("fits a tail frame of another size", () => {
    const plan = planFrame({ width: 2000, height: 1000 }, { width: 1000, height: 1000 });
    expect(plan).toEqual({ action: "fit", transform: { crop: { x: 500, y: 0, width: 1000, height: 1000 }, output: { width: 1000, height: 1000 } } });
  });

  it.each([
    { name: "panorama: crop only", size: { width: 4000, height: 1000 }, crop: true, upscale: false },
    { name: "small: upscale only", size: { width: 200, height: 150 }, crop: false, upscale: true },
    { name: "thin and small: crop then upscale", size: { width: 200, height: 900 }, crop: true, upscale: true },
    { name: "thin but the crop is large enough", size: { width: 400, height: 2000 }, crop: true, upscale: false },
  ])("$name", ({ size, crop, upscale }) => {
    const plan = planFrame(size, null);
    expect(plan.action).toBe("fix");
    if (plan.action !== "fix") return;
    expect(plan.crop !== null).toBe(crop);
    expect(plan.upscale).toBe(upscale);
    const fixed = fixTransform(plan.crop ?? { x: 0, y: 0, ...size }).output;
    expect(frameProblems(fixed)).toEqual([]);
  });
});
