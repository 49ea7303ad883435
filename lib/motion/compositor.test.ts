import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CameraInput } from "./camera";
import { createCompositor, type CompositorInput } from "./compositor";
import { transformPoint } from "./matrix";
import { HOLE_FADE_PX, motionAt } from "./model";
import { inRect, mask, meanDifference, rgba, weightedCentroid, type Rgb } from "./testing";
import { offsetAt, timedPath } from "./timed-path";

/*
 * A grey picture with a red square that travels right and down (staying clear of the edges, where
 * camera moves mirror the picture), a striped static band along the
 * bottom, and a blue square half inside that band which travels right along it.
 */
const W = 96;
const H = 64;
const GREY: Rgb = [90, 90, 90];
const redSquare = inRect({ x: 10, y: 20, width: 12, height: 12 });
const blueSquare = inRect({ x: 30, y: 44, width: 10, height: 14 });
const band = (_x: number, y: number) => y >= 52;
const start = rgba(W, H, (x, y) => (redSquare(x, y) ? [220, 30, 30] : blueSquare(x, y) ? [30, 30, 220] : band(x, y) ? (x % 4 < 2 ? [30, 200, 30] : [220, 220, 40]) : GREY));
const tail = rgba(W, H, (x, y) => [x * 2, y * 3, 150]);
const redPath = timedPath([
  { x: 16, y: 26 },
  { x: 40, y: 26 },
  { x: 62, y: 38 },
]);
const bluePath = timedPath([
  { x: 35, y: 51 },
  { x: 75, y: 51 },
]);
const brush: CompositorInput = {
  width: W,
  height: H,
  start,
  tail: null,
  staticMask: mask(W, H, band),
  regions: [
    { mask: mask(W, H, redSquare), path: redPath },
    { mask: mask(W, H, blueSquare), path: bluePath },
  ],
  camera: null,
};
const render = (input: CompositorInput, t: number) => {
  const out = new Uint8Array(W * H * 4);
  createCompositor(input).render(t, out);
  return out;
};
const picture = (data: Uint8Array) => ({ width: W, height: H, channels: 4 as const, data });
const redness = (r: number, g: number) => Math.max(0, r - g);
const blueness = (r: number, _g: number, b: number) => Math.max(0, b - r - 40);
const START_RED = weightedCentroid(picture(start), redness);
const timeArb = fc.double({ min: 0, max: 1, noNaN: true });

describe("createCompositor", () => {
  it.each<[string, Partial<CompositorInput>]>([
    ["motion brush", {}],
    ["brush and camera", { camera: { type: "simple", config: { roll: 7 } } }],
    ["preset camera", { regions: [], staticMask: null, camera: { type: "forward_up" } }],
    ["tail frame", { regions: [], staticMask: null, tail }],
  ])("starts exactly on the start frame (%s)", (_, overrides) => {
    expect(render({ ...brush, ...overrides }, 0)).toEqual(start);
  });

  it("moves the region's pixels along its trajectory, to the sub-pixel", () => {
    fc.assert(
      fc.property(timeArb, (t) => {
        const at = weightedCentroid(picture(render(brush, t)), redness);
        const shift = offsetAt(redPath, t);
        const error = Math.hypot(at.x - (START_RED.x + shift.x), at.y - (START_RED.y + shift.y));
        // While the vacated area fades in (the first HOLE_FADE_PX), a sliver of the region lingers behind.
        const fading = Math.hypot(shift.x, shift.y) < HOLE_FADE_PX;
        expect(error).toBeLessThan(fading ? 0.15 : 0.02);
        // Only the vacated area's fade-in (HOLE_FADE_PX) may let a little of the region show behind it.
        expect(Math.abs(at.mass / START_RED.mass - 1)).toBeLessThan(fading ? 0.02 : 0.01);
      }),
      { numRuns: 40 },
    );
  });

  it("fills the place the region left with the background around it, not with a hole", () => {
    const end = picture(render(brush, 1));
    expect(meanDifference(end, picture(rgba(W, H, () => GREY)), redSquare)).toBeLessThan(3);
  });

  it("never moves static-mask pixels, even where a moving region passes over them", () => {
    for (const t of [0.3, 0.6, 1]) {
      const frame = render(brush, t);
      expect(meanDifference(picture(frame), picture(start), band)).toBe(0);
    }
    // The blue square's part above the band did travel.
    const above = (x: number, y: number) => y < 52;
    const end = render(brush, 1);
    const moved = weightedCentroid({ ...picture(end), data: end.map((value, i) => (above(((i / 4) | 0) % W, (i / 4 / W) | 0) ? value : 0)) }, blueness);
    expect(moved.x).toBeCloseTo(35 + 40, 0);
  });

  it("ends exactly on the tail frame, and on it alone when there is no start frame", () => {
    expect(render({ ...brush, tail }, 1)).toEqual(tail);
    expect(render({ ...brush, regions: [], staticMask: null, start: null, tail }, 1)).toEqual(tail);
  });

  it("draws exactly what motionAt says, camera included (the editor's preview and the video agree)", () => {
    const cameras: CameraInput[] = [
      { type: "simple", config: { horizontal: 6 } },
      { type: "simple", config: { zoom: -5 } },
      { type: "simple", config: { roll: 8 } },
      { type: "simple", config: { tilt: 4 } },
      { type: "left_turn_forward" },
    ];
    for (const camera of cameras) {
      const input = { ...brush, camera };
      const { scene } = createCompositor(input);
      for (const t of [0.5, 1]) {
        const state = motionAt(scene, t);
        const expected = transformPoint(state.matrix, START_RED.x + state.regions[0]!.dx, START_RED.y + state.regions[0]!.dy);
        const at = weightedCentroid(picture(render(input, t)), redness);
        expect(Math.hypot(at.x - expected.x, at.y - expected.y), JSON.stringify(camera)).toBeLessThan(0.5);
      }
    }
  });

  it("keeps working when a region travels out of the frame", () => {
    const away = { ...brush, regions: [{ mask: mask(W, H, redSquare), path: timedPath([{ x: 16, y: 26 }, { x: 200, y: -90 }]) }] };
    expect(weightedCentroid(picture(render(away, 1)), redness).mass).toBe(0);
  });

  it("draws black without any frame", () => {
    expect(render({ ...brush, start: null }, 0.5).every((value) => value === 0)).toBe(true);
  });
});
