import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { motionSceneFromRecipe, offsetAt, timedPathFromRecipe, transformPoint, motionAt, type MotionScene } from "@/lib/motion";
import type { Camera } from "@/lib/recipe/schema";
import { apply, canvasRect, cappedSize, frameToCanvas, layerRect, mirrorTiles, multiply, planFrame, type Affine } from "./frame-plan";

const FRAME = { width: 960, height: 540 };
const square = { strokes: [{ op: "paint" as const, size: 80, points: [{ x: 200, y: 270 }] }] };
const path = [
  { x: 200, y: 270 },
  { x: 760, y: 270 },
  { x: 700, y: 400 },
];
const scene = (camera: Camera | null = null, tail = false): MotionScene =>
  motionSceneFromRecipe({ startFrame: "start-frame-id", tailFrame: tail ? "tail-frame-id" : null, staticMask: null, camera, regions: [{ mask: square, trajectory: path, easing: "linear", name: "", curve: "straight" }] }, FRAME);
const timeArb = fc.double({ min: 0, max: 1, noNaN: true });
const cameras: Camera[] = [
  { type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 10 } },
  { type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: -7, zoom: 0 } },
  { type: "simple", config: { horizontal: 6, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0 } },
];

describe("planFrame", () => {
  it("is the start frame at t = 0: nothing moved, no camera, no tail", () => {
    for (const camera of [null, ...cameras]) {
      const plan = planFrame(scene(camera, true), 0);
      expect(plan.regions).toEqual([{ dx: 0, dy: 0, hole: 0 }]);
      expect(plan.camera).toBeNull();
      expect(plan.tail).toBe(0);
    }
  });

  it("shifts the region by the engine's offset along its path, with the hole filled once it moves", () => {
    const timed = timedPathFromRecipe({ trajectory: path, easing: "linear", curve: "straight" }, FRAME);
    fc.assert(
      fc.property(timeArb, (t) => {
        const [region] = planFrame(scene(), t).regions;
        const offset = offsetAt(timed, t);
        expect(region?.dx).toBeCloseTo(offset.x, 9);
        expect(region?.dy).toBeCloseTo(offset.y, 9);
        if (Math.hypot(offset.x, offset.y) >= 1) expect(region?.hole).toBe(1);
      }),
    );
  });

  it("gives the camera as the affine the engine's matrix is (zoom, roll, slide have no perspective)", () => {
    for (const camera of cameras) {
      fc.assert(
        fc.property(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: -500, max: 1500, noNaN: true }), fc.double({ min: -500, max: 1000, noNaN: true }), (t, x, y) => {
          const plan = planFrame(scene(camera), t);
          const exact = transformPoint(motionAt(scene(camera), t).matrix, x, y);
          const drawn = apply(plan.camera!, x, y);
          expect(drawn.x).toBeCloseTo(exact.x, 6);
          expect(drawn.y).toBeCloseTo(exact.y, 6);
        }),
        { numRuns: 30 },
      );
    }
  });

  it("ends on the tail frame, when there is one", () => {
    expect(planFrame(scene(null, true), 1).tail).toBe(1);
    expect(planFrame(scene(null, false), 1).tail).toBe(0);
  });
});

describe("affine helpers", () => {
  it("multiply applies the right-hand map first", () => {
    const shift: Affine = [1, 0, 0, 1, 10, 20];
    const double: Affine = [2, 0, 0, 2, 0, 0];
    expect(apply(multiply(double, shift), 1, 1)).toEqual({ x: 22, y: 42 });
    expect(apply(multiply(shift, double), 1, 1)).toEqual({ x: 12, y: 22 });
  });

  it("mirror tiles show, beyond each edge, the pixel the engine's warp samples there", () => {
    // warp.ts: index −1 reads 0, index width reads width − 1 (one reflection, pixel centres at i + 0.5).
    const mirrored = (i: number, size: number) => (i < 0 ? -i - 1 : i >= size ? 2 * size - 1 - i : i);
    const tiles = mirrorTiles(FRAME);
    expect(tiles[4]).toEqual([1, 0, 0, 1, 0, 0]);
    fc.assert(
      fc.property(fc.integer({ min: -FRAME.width, max: 2 * FRAME.width - 1 }), fc.integer({ min: -FRAME.height, max: 2 * FRAME.height - 1 }), (i, j) => {
        const tile = tiles[(Math.floor(j / FRAME.height) + 1) * 3 + Math.floor(i / FRAME.width) + 1]!;
        // Each tile is its own inverse: it maps the screen pixel back to the picture pixel it shows.
        const source = apply(tile, i + 0.5, j + 0.5);
        expect(source.x - 0.5).toBeCloseTo(mirrored(i, FRAME.width), 9);
        expect(source.y - 0.5).toBeCloseTo(mirrored(j, FRAME.height), 9);
      }),
    );
  });
});

describe("canvas placement", () => {
  it.each([
    ["inside the view, rounded inwards", { scale: 0.5, x: 10.4, y: 20.6 }, { x: 11, y: 21, width: 479, height: 269 }],
    ["clipped to the view", { scale: 2, x: -100, y: -50 }, { x: 0, y: 0, width: 800, height: 600 }],
    ["off screen", { scale: 1, x: 900, y: 0 }, null],
  ])("%s", (_, viewport, expected) => {
    expect(canvasRect(viewport, FRAME, { width: 800, height: 600 })).toEqual(expected);
  });

  it("maps frame pixels onto the canvas where the stage shows them", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 8, noNaN: true }),
        fc.double({ min: -2000, max: 700, noNaN: true }),
        fc.double({ min: -1000, max: 500, noNaN: true }),
        fc.constantFrom(1, 1.5, 2),
        (scale, x, y, dpr) => {
          const viewport = { scale, x, y };
          const rect = canvasRect(viewport, FRAME, { width: 800, height: 600 });
          if (!rect) return;
          const m = frameToCanvas(viewport, rect, dpr);
          const p = { x: 123.5, y: 45.25 };
          const onCanvas = apply(m, p.x, p.y);
          // Canvas device pixel → view pixel → image pixel lands back on p.
          expect((onCanvas.x / dpr + rect.x - x) / scale).toBeCloseTo(p.x, 6);
          expect((onCanvas.y / dpr + rect.y - y) / scale).toBeCloseTo(p.y, 6);
          // The canvas lies on the picture: its corners are inside the frame.
          expect(rect.x).toBeGreaterThanOrEqual(x - 1e-6);
          expect(rect.x + rect.width).toBeLessThanOrEqual(x + FRAME.width * scale + 1e-6);
        },
      ),
    );
  });

  it.each([
    ["grows to whole pixels", { x: 10.5, y: 20.2, width: 30, height: 10 }, { x: 9, y: 19, width: 33, height: 13 }],
    ["stays inside the frame", { x: -50, y: 500, width: 100, height: 100 }, { x: 0, y: 499, width: 51, height: 41 }],
    ["is nothing off the frame", { x: 2000, y: 0, width: 10, height: 10 }, null],
  ])("layerRect %s", (_, bounds, expected) => {
    expect(layerRect(bounds, FRAME)).toEqual(expected);
  });

  it("caps a size on its longer side, keeping the aspect", () => {
    expect(cappedSize({ width: 1920, height: 1080 }, 640)).toEqual({ width: 640, height: 360, scale: 1 / 3 });
    expect(cappedSize({ width: 300, height: 600 }, 640)).toEqual({ width: 300, height: 600, scale: 1 });
  });
});
