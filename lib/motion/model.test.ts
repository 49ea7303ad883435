import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transformPoint } from "./matrix";
import { AMBIENT_PUSH, frameTime, HOLE_FADE_PX, holeWeight, motionAt, TAIL_FADE_START, tailWeight, type MotionScene } from "./model";
import { timedPath } from "./timed-path";

const size = { width: 640, height: 360 };
const path = timedPath([
  { x: 100, y: 100 },
  { x: 300, y: 100 },
  { x: 300, y: 200 },
]);
const scene = (overrides: Partial<MotionScene> = {}): MotionScene => ({
  size,
  regions: [],
  camera: null,
  hasStart: true,
  hasTail: false,
  hasStaticMask: false,
  ...overrides,
});
const scaleOf = (state: ReturnType<typeof motionAt>) => (transformPoint(state.matrix, 420, 180).x - 320) / 100;

describe("motionAt", () => {
  it("shifts each region by its travel along its own timed path", () => {
    const still = timedPath([{ x: 5, y: 5 }]);
    const state = motionAt(scene({ regions: [path, still] }), 0.75);
    expect(state.regions).toEqual([
      { dx: 200, dy: 50, hole: 1 },
      { dx: 0, dy: 0, hole: 0 },
    ]);
    expect(motionAt(scene({ regions: [path] }), 0).regions).toEqual([{ dx: 0, dy: 0, hole: 0 }]);
  });

  it("shows no camera move with a motion brush and no camera", () => {
    for (const brush of [{ regions: [path] }, { hasStaticMask: true }]) expect(scaleOf(motionAt(scene(brush), 1))).toBeCloseTo(1, 9);
  });

  it("pushes in slowly when nothing else moves, and pulls back onto a lone tail frame", () => {
    expect(scaleOf(motionAt(scene(), 0))).toBeCloseTo(1, 9);
    expect(scaleOf(motionAt(scene(), 1))).toBeCloseTo(1 + AMBIENT_PUSH, 9);
    const endOnly = scene({ hasStart: false, hasTail: true });
    expect(scaleOf(motionAt(endOnly, 0))).toBeCloseTo(1 + AMBIENT_PUSH, 9);
    expect(scaleOf(motionAt(endOnly, 1))).toBeCloseTo(1, 9);
    expect(motionAt(endOnly, 1)).toMatchObject({ source: "tail", tailWeight: 0 });
  });

  it("applies the requested camera over a motion brush too", () => {
    const state = motionAt(scene({ regions: [path], camera: { type: "simple", config: { zoom: -10 } } }), 1);
    expect(scaleOf(state)).toBeCloseTo(1.5, 9);
  });

  it("dissolves to the tail only when there is a start frame to leave", () => {
    expect(motionAt(scene({ hasTail: true }), 1).tailWeight).toBe(1);
    expect(motionAt(scene({ hasTail: true }), 0.2).tailWeight).toBe(0);
    expect(motionAt(scene({ hasStart: false, hasTail: false }), 1)).toMatchObject({ source: "none", tailWeight: 0 });
  });
});

describe("timing helpers", () => {
  it("puts the first frame at 0 and the last at 1", () => {
    expect([frameTime(0, 150), frameTime(149, 150), frameTime(0, 1)]).toEqual([0, 1, 0]);
  });

  it("fades to the tail after TAIL_FADE_START, never backwards, reaching 1 exactly", () => {
    expect(tailWeight(TAIL_FADE_START)).toBe(0);
    expect(tailWeight(1)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        expect(tailWeight(Math.min(a, b))).toBeLessThanOrEqual(tailWeight(Math.max(a, b)));
      }),
    );
  });

  it("opens the vacated area over the first pixels of travel", () => {
    expect([holeWeight(0, 0), holeWeight(HOLE_FADE_PX / 2, 0), holeWeight(0, HOLE_FADE_PX), holeWeight(3, 4)]).toEqual([0, 0.5, 1, 1]);
  });
});
