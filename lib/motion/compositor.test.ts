import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CameraInput } from "./camera";
import { createCompositor, FEATHER_PX, type CompositorInput } from "./compositor";
import { transformPoint } from "./matrix";
import { holeWeight, motionAt } from "./model";
import { inRect, mask, meanDifference, rgba, stripeCorrelation, weightedCentroid, type Rgb } from "./testing";
import { offsetAt, positionAt, timedPath } from "./timed-path";

/*
 * A textured picture: neutral vertical stripes (r = g = b, so "redness" stays linear under blending)
 * with a red square that travels right and down, across a static column, and a blue square half
 * inside a static band along the bottom, which travels right along it.
 */
const W = 96;
const H = 64;
const DARK: Rgb = [50, 50, 50];
const LIGHT: Rgb = [190, 190, 190];
const RED: Rgb = [220, 30, 30];
const stripes = (x: number): Rgb => (x % 6 < 3 ? DARK : LIGHT);
const redSquare = inRect({ x: 10, y: 20, width: 12, height: 12 });
const blueSquare = inRect({ x: 30, y: 44, width: 10, height: 14 });
const band = (_x: number, y: number) => y >= 52;
const column = (x: number, y: number) => x >= 40 && x < 50 && y < 52;
const isStatic = (x: number, y: number) => band(x, y) || column(x, y);
const background = rgba(W, H, (x) => stripes(x));
const start = rgba(W, H, (x, y) => (redSquare(x, y) ? RED : blueSquare(x, y) ? [30, 30, 220] : band(x, y) ? (y % 4 < 2 ? [30, 200, 30] : [220, 220, 40]) : stripes(x)));
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
  staticMask: mask(W, H, isStatic),
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
/** Where the red square covers at time t, with its feathered edge. */
const redFootprint = (t: number) => {
  const at = positionAt(redPath, t);
  return inRect({ x: at.x - 6 - FEATHER_PX - 1, y: at.y - 6 - FEATHER_PX - 1, width: 12 + 2 * FEATHER_PX + 2, height: 12 + 2 * FEATHER_PX + 2 });
};

describe("createCompositor", () => {
  it.each<[string, Partial<CompositorInput>]>([
    ["motion brush", {}],
    ["brush and camera", { camera: { type: "simple", config: { roll: 7 } } }],
    ["preset camera", { regions: [], staticMask: null, camera: { type: "forward_up" } }],
    ["tail frame", { regions: [], staticMask: null, tail }],
  ])("starts exactly on the start frame (%s)", (_, overrides) => {
    expect(render({ ...brush, ...overrides }, 0)).toEqual(start);
  });

  it("moves the region's pixels along its trajectory, whole, to the sub-pixel", () => {
    fc.assert(
      fc.property(timeArb, (t) => {
        const at = weightedCentroid(picture(render(brush, t)), redness);
        const shift = offsetAt(redPath, t);
        // Until the region has moved HOLE_FADE_PX, the place it leaves shows (1 − hole) of the start
        // frame: the sliver it uncovered (12 px × the shift on each axis) keeps that share of red.
        const lingering = ((1 - holeWeight(shift.x, shift.y)) * 12 * (Math.abs(shift.x) + Math.abs(shift.y))) / 144;
        const error = Math.hypot(at.x - (START_RED.x + shift.x), at.y - (START_RED.y + shift.y));
        expect(Math.abs(at.mass / START_RED.mass - 1)).toBeLessThanOrEqual(lingering + 0.005);
        // The sliver sits at most half the square (6 px) plus the shift behind the centre.
        expect(error).toBeLessThanOrEqual(lingering * 7 + 0.02);
      }),
      { numRuns: 60, examples: [[0.003], [0.0015], [0.01]] },
    );
  });

  it("draws the region whole, in front of a static area it crosses", () => {
    // Sub-pixel moments: the red mass is all there.
    for (const t of [0.55, 0.6, 0.7]) {
      const frame = picture(render(brush, t));
      expect(Math.abs(weightedCentroid(frame, redness).mass / START_RED.mass - 1), `t = ${t}`).toBeLessThan(0.005);
    }
    // Whole-pixel moments (shifts (24, 0) and (35, 6), across the static column): pixel for pixel.
    for (const t of [0.5, 0.75]) {
      const { x: dx, y: dy } = offsetAt(redPath, t);
      const frame = picture(render(brush, t));
      const moved = (x: number, y: number) => redSquare(x - dx, y - dy);
      expect(moved(45, 30) && column(45, 30)).toBe(true);
      expect(meanDifference(frame, picture(rgba(W, H, () => RED)), moved), `t = ${t}`).toBe(0);
    }
  });

  it("fills the place the region left with the stripes around it, not a flat smear", () => {
    const end = picture(render(brush, 1));
    expect(stripeCorrelation(end, picture(background), redSquare)).toBeGreaterThan(0.9);
    expect(meanDifference(end, picture(background), redSquare)).toBeLessThan(12);
  });

  it("pins static pixels: they never move, and only a region passing in front of them covers them", () => {
    for (const t of [0.3, 0.6, 1]) {
      const frame = render(brush, t);
      const blue = positionAt(bluePath, t);
      const blueFootprint = inRect({ x: blue.x - 5 - FEATHER_PX - 1, y: blue.y - 7 - FEATHER_PX - 1, width: 10 + 2 * FEATHER_PX + 2, height: 14 + 2 * FEATHER_PX + 2 });
      const uncovered = (x: number, y: number) => isStatic(x, y) && !redFootprint(t)(x, y) && !blueFootprint(x, y);
      expect(meanDifference(picture(frame), picture(start), uncovered), `t = ${t}`).toBe(0);
    }
    // The blue square's part above the band travelled; its part on the band stays pinned at home.
    const end = render(brush, 1);
    const above = (x: number, y: number) => y < 52;
    const moved = weightedCentroid({ ...picture(end), data: end.map((value, i) => (above(((i / 4) | 0) % W, (i / 4 / W) | 0) ? value : 0)) }, blueness);
    expect(moved.x).toBeCloseTo(35 + 40, 0);
    expect(meanDifference(picture(end), picture(start), (x, y) => blueSquare(x, y) && band(x, y))).toBe(0);
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
      const input = { ...brush, staticMask: null, camera };
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
