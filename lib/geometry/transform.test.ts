import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitToView, imageToStage, stageToImage, zoomAt } from "./transform";
import { stagePoint } from "./types";

const finite = fc.double({ min: -5000, max: 5000, noNaN: true, noDefaultInfinity: true });
const viewportArb = fc.record({ scale: fc.double({ min: 0.01, max: 50, noNaN: true }), x: finite, y: finite });

describe("imageToStage / stageToImage", () => {
  it("applies stage = image × scale + offset", () => {
    expect(imageToStage({ x: 10, y: 20 }, { scale: 2, x: 5, y: -3 })).toEqual({ x: 25, y: 37 });
    expect(stageToImage(stagePoint(25, 37), { scale: 2, x: 5, y: -3 })).toEqual({ x: 10, y: 20 });
  });

  it("round-trips any point", () => {
    fc.assert(
      fc.property(finite, finite, viewportArb, (x, y, viewport) => {
        const back = stageToImage(imageToStage({ x, y }, viewport), viewport);
        expect(back.x).toBeCloseTo(x, 6);
        expect(back.y).toBeCloseTo(y, 6);
      }),
    );
  });
});

describe("fitToView", () => {
  it.each([
    { image: { width: 1000, height: 500 }, view: { width: 800, height: 800 }, padding: 0, scale: 0.8, x: 0, y: 200 },
    { image: { width: 500, height: 1000 }, view: { width: 800, height: 600 }, padding: 50, scale: 0.5, x: 275, y: 50 },
    { image: { width: 100, height: 100 }, view: { width: 400, height: 200 }, padding: 0, scale: 2, x: 100, y: 0 },
  ])("fits $image.width×$image.height into $view.width×$view.height", ({ image, view, padding, scale, x, y }) => {
    const viewport = fitToView(image, view, padding);
    expect(viewport.scale).toBeCloseTo(scale, 9);
    expect(viewport.x).toBeCloseTo(x, 9);
    expect(viewport.y).toBeCloseTo(y, 9);
  });

  it("keeps the whole image inside the padded view", () => {
    const size = fc.integer({ min: 1, max: 8000 });
    fc.assert(
      fc.property(size, size, fc.integer({ min: 100, max: 3000 }), fc.integer({ min: 100, max: 3000 }), fc.integer({ min: 0, max: 40 }), (iw, ih, vw, vh, padding) => {
        const viewport = fitToView({ width: iw, height: ih }, { width: vw, height: vh }, padding);
        const topLeft = imageToStage({ x: 0, y: 0 }, viewport);
        const bottomRight = imageToStage({ x: iw, y: ih }, viewport);
        expect(topLeft.x).toBeGreaterThanOrEqual(padding - 1e-6);
        expect(topLeft.y).toBeGreaterThanOrEqual(padding - 1e-6);
        expect(bottomRight.x).toBeLessThanOrEqual(vw - padding + 1e-6);
        expect(bottomRight.y).toBeLessThanOrEqual(vh - padding + 1e-6);
      }),
    );
  });
});

describe("zoomAt", () => {
  const limits = { min: 0.1, max: 8 };

  it("keeps the image point under the anchor fixed", () => {
    fc.assert(
      fc.property(viewportArb, fc.double({ min: 0.2, max: 5, noNaN: true }), finite, finite, (start, factor, ax, ay) => {
        const viewport = { ...start, scale: Math.min(8, Math.max(0.1, start.scale)) };
        const anchor = stagePoint(ax, ay);
        const before = stageToImage(anchor, viewport);
        const after = stageToImage(anchor, zoomAt(viewport, factor, anchor, limits));
        expect(after.x).toBeCloseTo(before.x, 5);
        expect(after.y).toBeCloseTo(before.y, 5);
      }),
    );
  });

  it.each([
    { scale: 1, factor: 2, expected: 2 },
    { scale: 6, factor: 2, expected: 8 },
    { scale: 0.2, factor: 0.1, expected: 0.1 },
  ])("clamps scale $scale × $factor to $expected", ({ scale, factor, expected }) => {
    expect(zoomAt({ scale, x: 0, y: 0 }, factor, stagePoint(100, 100), limits).scale).toBe(expected);
  });
});
