import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { imageToStage } from "@/lib/geometry/transform";
import { stagePoint } from "@/lib/geometry/types";
import {
  actualSize,
  easeZoom,
  fitViewport,
  MAX_SCALE,
  pinchViewport,
  wheelFactor,
  wheelPixels,
  wheelZoom,
  zoomLimits,
  zoomPercent,
  zoomStep,
} from "./viewport";

const image = { width: 4096, height: 2048 };
const view = { width: 1000, height: 600 };

describe("viewport", () => {
  it("fit shows the whole image with padding, centred", () => {
    const v = fitViewport(image, view);
    const topLeft = imageToStage({ x: 0, y: 0 }, v);
    const bottomRight = imageToStage({ x: image.width, y: image.height }, v);
    expect(topLeft.x).toBeCloseTo(32);
    expect(bottomRight.x).toBeCloseTo(968);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(300);
  });

  it("100 % keeps the image point at the centre of the view", () => {
    const v = fitViewport(image, view);
    const centreBefore = { x: (500 - v.x) / v.scale, y: (300 - v.y) / v.scale };
    const a = actualSize(v, view);
    expect(a.scale).toBe(1);
    const centre = imageToStage(centreBefore, a);
    expect(centre.x).toBeCloseTo(500);
    expect(centre.y).toBeCloseTo(300);
    expect(zoomPercent(a)).toBe(100);
  });

  it("zoom steps are inverse of each other and clamp at the limits", () => {
    const v = fitViewport(image, view);
    const back = zoomStep(zoomStep(v, 1, image, view), -1, image, view);
    expect(back.scale).toBeCloseTo(v.scale);
    expect(back.x).toBeCloseTo(v.x);
    let z = v;
    for (let i = 0; i < 100; i++) z = zoomStep(z, 1, image, view);
    expect(z.scale).toBe(MAX_SCALE);
    for (let i = 0; i < 100; i++) z = zoomStep(z, -1, image, view);
    expect(z.scale).toBe(zoomLimits(image, view).min);
  });

  it("wheel zoom keeps the point under the cursor fixed (property)", () => {
    const limits = { min: 0.01, max: 64 };
    fc.assert(
      fc.property(
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (delta, pinch, ax, ay) => {
          const v = { scale: 0.3, x: 20, y: -40 };
          const anchor = stagePoint(ax, ay);
          const under = { x: (ax - v.x) / v.scale, y: (ay - v.y) / v.scale };
          const z = wheelZoom(v, delta, pinch, anchor, limits);
          const after = imageToStage(under, z);
          expect(after.x).toBeCloseTo(ax, 6);
          expect(after.y).toBeCloseTo(ay, 6);
          expect(delta < 0 ? z.scale >= v.scale : z.scale <= v.scale).toBe(true);
        },
      ),
    );
  });

  it("pinch scales with finger distance and follows the midpoint", () => {
    const start = { scale: 1, x: 0, y: 0 };
    const from: [ReturnType<typeof stagePoint>, ReturnType<typeof stagePoint>] = [stagePoint(100, 100), stagePoint(200, 100)];
    const to: [ReturnType<typeof stagePoint>, ReturnType<typeof stagePoint>] = [stagePoint(100, 200), stagePoint(300, 200)];
    const v = pinchViewport(start, from, to, { min: 0.1, max: 10 });
    expect(v.scale).toBe(2);
    // The image point that was under the first midpoint (150, 100) is now under the new one (200, 200).
    const p = imageToStage({ x: 150, y: 100 }, v);
    expect(p.x).toBeCloseTo(200);
    expect(p.y).toBeCloseTo(200);
  });

  it("pinch with still fingers is a pure two-finger pan", () => {
    const start = { scale: 0.5, x: 10, y: 10 };
    const v = pinchViewport(start, [stagePoint(0, 0), stagePoint(100, 0)], [stagePoint(30, 40), stagePoint(130, 40)], { min: 0.1, max: 10 });
    expect(v).toEqual({ scale: 0.5, x: 40, y: 50 });
  });

  it("wheel zoom is proportional to the delta: two half notches equal one notch, and five notches stay moderate", () => {
    expect(wheelFactor(50, false) * wheelFactor(50, false)).toBeCloseTo(wheelFactor(100, false), 12);
    expect(wheelFactor(-100, false) * wheelFactor(100, false)).toBeCloseTo(1, 12);
    // The reported jump: 180 % became 807 % in five notches. Now five 100 px notches stay under 2×.
    let scale = 1.8;
    for (let i = 0; i < 5; i++) scale *= wheelFactor(-100, false);
    expect(scale).toBeGreaterThan(2.7);
    expect(scale).toBeLessThan(3.6);
    // A fast spin in one event is clamped to one step's worth.
    expect(wheelFactor(-2000, false)).toBeCloseTo(wheelFactor(-120, false));
  });

  it("trackpad pinch deltas (ctrl+wheel, a few px) zoom finely, in proportion", () => {
    expect(wheelFactor(-4, true)).toBeGreaterThan(1.03);
    expect(wheelFactor(-4, true)).toBeLessThan(1.05);
    expect(wheelFactor(-2, true) ** 2).toBeCloseTo(wheelFactor(-4, true), 12);
  });

  it("wheel deltas in lines and pages become pixels", () => {
    expect(wheelPixels(3, 1, 800)).toBe(48);
    expect(wheelPixels(1, 2, 800)).toBe(800);
    expect(wheelPixels(-53, 0, 800)).toBe(-53);
  });

  it("a smoothed wheel zoom reaches its target in a few frames, keeping the anchor fixed", () => {
    const limits = { min: 0.01, max: 64 };
    const anchor = stagePoint(300, 200);
    let v = { scale: 1, x: 10, y: 20 };
    const under = { x: (300 - v.x) / v.scale, y: (200 - v.y) / v.scale };
    let frames = 0;
    for (let done = false; !done && frames < 100; frames++) {
      const step = easeZoom(v, 2, anchor, limits);
      // Monotone: never overshoots.
      expect(step.viewport.scale).toBeGreaterThanOrEqual(v.scale);
      expect(step.viewport.scale).toBeLessThanOrEqual(2);
      v = step.viewport;
      done = step.done;
    }
    expect(v.scale).toBe(2);
    expect(frames).toBeLessThan(30);
    const after = imageToStage(under, v);
    expect(after.x).toBeCloseTo(300, 6);
    expect(after.y).toBeCloseTo(200, 6);
  });

  it("fit keeps the image clear of the overlays and centred in the free area", () => {
    const insets = { top: 48, right: 0, bottom: 44, left: 0 };
    for (const [w, h] of [[980, 560], [1100, 620], [1580, 800]] as const) {
      for (const img of [{ width: 1600, height: 900 }, { width: 900, height: 1600 }, { width: 4000, height: 1000 }]) {
        const v = fitViewport(img, { width: w, height: h }, insets);
        const top = imageToStage({ x: 0, y: 0 }, v);
        const bottom = imageToStage({ x: img.width, y: img.height }, v);
        expect(top.y).toBeGreaterThanOrEqual(insets.top + 12 - 1e-9);
        expect(bottom.y).toBeLessThanOrEqual(h - insets.bottom - 12 + 1e-9);
        expect(top.x).toBeGreaterThanOrEqual(32 - 1e-9);
        expect(bottom.x).toBeLessThanOrEqual(w - 32 + 1e-9);
        expect((top.y + bottom.y) / 2).toBeCloseTo((insets.top + 12 + h - insets.bottom - 12) / 2);
      }
    }
  });
});
