import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { imageToStage } from "@/lib/geometry/transform";
import { stagePoint } from "@/lib/geometry/types";
import { actualSize, fitViewport, MAX_SCALE, pinchViewport, wheelZoom, zoomLimits, zoomPercent, zoomStep } from "./viewport";

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
});
