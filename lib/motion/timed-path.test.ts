import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_TRAJECTORY_POINTS, toKlingTrajectory } from "@/lib/geometry/trajectory";
import { EASINGS, PATH_CURVES } from "@/lib/recipe/schema";
import { timedPathFromRecipe } from "./from-recipe";
import { offsetAt, positionAt, scaleTimedPath, timedPath, timedPathFromKling } from "./timed-path";

const FRAME = { width: 640, height: 360 };
const pointArb = fc.record({ x: fc.integer({ min: 0, max: 640 }), y: fc.integer({ min: 0, max: 360 }) });
const timeArb = fc.double({ min: 0, max: 1, noNaN: true });

describe("positionAt", () => {
  const path = timedPath([
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 50 },
  ]);

  it.each([
    [0, 0, 0],
    [0.25, 50, 0],
    [0.5, 100, 0],
    [0.75, 100, 25],
    [1, 100, 50],
    [-1, 0, 0],
    [2, 100, 50],
  ])("at t = %f is (%f, %f): equal time per segment, clamped outside [0, 1]", (t, x, y) => {
    expect(positionAt(path, t)).toEqual({ x, y });
  });

  it("reaches point i exactly at t = i/(n−1)", () => {
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 2, maxLength: 77 }), (points) => {
        const timed = timedPath(points);
        points.forEach((point, i) => {
          const at = positionAt(timed, i / (points.length - 1));
          expect(at.x).toBeCloseTo(point.x, 9);
          expect(at.y).toBeCloseTo(point.y, 9);
        });
      }),
    );
  });

  it("stands still on a one-point path, and at the origin on an empty one", () => {
    expect(positionAt(timedPath([{ x: 7, y: 9 }]), 0.6)).toEqual({ x: 7, y: 9 });
    expect(positionAt(timedPath([]), 0.6)).toEqual({ x: 0, y: 0 });
  });

  it("gives the shift from the first point", () => {
    expect(offsetAt(path, 0)).toEqual({ x: 0, y: 0 });
    expect(offsetAt(path, 1)).toEqual({ x: 100, y: 50 });
  });
});

describe("timedPathFromKling", () => {
  it("flips Kling's bottom-left y back and scales from the frame to the output", () => {
    const path = timedPathFromKling(
      [
        { x: 100, y: 60 },
        { x: 500, y: 300 },
      ],
      FRAME,
      { width: 1280, height: 720 },
    );
    expect(positionAt(path, 0)).toEqual({ x: 200, y: 600 });
    expect(positionAt(path, 1)).toEqual({ x: 1000, y: 120 });
  });
});

describe("timedPathFromRecipe", () => {
  it("moves at constant speed for linear easing, within Kling's integer rounding", () => {
    const trajectory = [
      { x: 100.3, y: 40 },
      { x: 400, y: 340.2 },
    ];
    const path = timedPathFromRecipe({ trajectory, easing: "linear", curve: "smooth" }, FRAME);
    expect(path.xs).toHaveLength(MAX_TRAJECTORY_POINTS);
    fc.assert(
      fc.property(timeArb, (t) => {
        const at = positionAt(path, t);
        expect(Math.abs(at.x - (100.3 + 299.7 * t))).toBeLessThanOrEqual(0.5);
        expect(Math.abs(at.y - (40 + 300.2 * t))).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it("covers a quarter of the way by half time with ease-in, three quarters with ease-out", () => {
    const line = [
      { x: 0, y: 100 },
      { x: 400, y: 100 },
    ];
    expect(positionAt(timedPathFromRecipe({ trajectory: line, easing: "ease-in", curve: "smooth" }, FRAME), 0.5).x).toBeCloseTo(100, 0);
    expect(positionAt(timedPathFromRecipe({ trajectory: line, easing: "ease-out", curve: "smooth" }, FRAME), 0.5).x).toBeCloseTo(300, 0);
    expect(positionAt(timedPathFromRecipe({ trajectory: line, easing: "ease-in-out", curve: "smooth" }, FRAME), 0.5).x).toBeCloseTo(200, 0);
  });

  it("agrees with the engine reading the points the request builder sends, at any output size", () => {
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 2, maxLength: 40 }), fc.constantFrom(...EASINGS), fc.constantFrom(...PATH_CURVES), fc.integer({ min: 1, max: 4 }), timeArb, (points, easing, curve, k, t) => {
        fc.pre(new Set(points.map((p) => `${p.x},${p.y}`)).size >= 2);
        // Exactly what lib/kling/build-request.ts puts in the body.
        const sent = toKlingTrajectory({ trajectory: points, easing, curve }, FRAME);
        const engine = timedPathFromKling(sent, FRAME, { width: FRAME.width * k, height: FRAME.height * k });
        const browser = scaleTimedPath(timedPathFromRecipe({ trajectory: points, easing, curve }, FRAME), k, k);
        const a = positionAt(engine, t);
        const b = positionAt(browser, t);
        expect(a.x).toBeCloseTo(b.x, 9);
        expect(a.y).toBeCloseTo(b.y, 9);
      }),
    );
  });
});
