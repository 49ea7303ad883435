import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catmullRomPoint, samplePath } from "./curve";
import type { ImagePoint } from "./types";

const includesPoint = (list: readonly ImagePoint[], point: ImagePoint) => list.some((p) => p.x === point.x && p.y === point.y);
const pointArb = fc.record({ x: fc.integer({ min: 0, max: 1000 }), y: fc.integer({ min: 0, max: 1000 }) });

describe("catmullRomPoint", () => {
  it("is the uniform midpoint (−P0 + 9·P1 + 9·P2 − P3) / 16 when every chord is equally long", () => {
    // Chords 10, 10, 10: centripetal knots 0, √10, 2√10, 3√10 are evenly spaced, i.e. uniform.
    const mid = catmullRomPoint({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }, 0.5);
    expect(mid.x).toBeCloseTo(11.25, 12);
    expect(mid.y).toBeCloseTo(5, 12);
  });

  it("starts at P1 and ends at P2", () => {
    const p = [{ x: 3, y: 1 }, { x: 40, y: 7 }, { x: 41, y: 90 }, { x: 300, y: 95 }] as const;
    const start = catmullRomPoint(...p, 0);
    const end = catmullRomPoint(...p, 1);
    expect(start.x).toBeCloseTo(40, 9);
    expect(start.y).toBeCloseTo(7, 9);
    expect(end.x).toBeCloseTo(41, 9);
    expect(end.y).toBeCloseTo(90, 9);
  });
});

describe("samplePath", () => {
  const square = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];

  it("keeps a straight path exactly as drawn", () => {
    const points = [{ x: 1, y: 2 }, { x: 1, y: 2 }, { x: 30, y: 40.5 }, { x: 7, y: 9 }];
    expect(samplePath(points, "straight")).toEqual(points);
  });

  it("bends a smooth path through the hand-computed points", () => {
    const dense = samplePath(square, "smooth");
    // Middle segment's midpoint (uniform case, see above).
    expect(dense.some((p) => Math.abs(p.x - 11.25) < 1e-9 && Math.abs(p.y - 5) < 1e-9)).toBe(true);
    // First segment: the missing neighbour is (0,0) mirrored through (10,0)'s direction, i.e. (−10, 0);
    // chords are all 10, so its midpoint is (−(−10,0) + 9·(0,0) + 9·(10,0) − (10,10)) / 16 = (5.625, −0.625).
    expect(dense.some((p) => Math.abs(p.x - 5.625) < 1e-9 && Math.abs(p.y + 0.625) < 1e-9)).toBe(true);
  });

  it("passes exactly through every drawn point, endpoints first and last", () => {
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 3, maxLength: 12 }), (points) => {
        const dense = samplePath(points, "smooth");
        for (const point of points) expect(includesPoint(dense, point)).toBe(true);
        expect(dense[0]).toEqual(points[0]);
        expect(dense.at(-1)).toEqual(points.at(-1));
        for (const p of dense) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("keeps collinear points on their line, evenly spaced ones at constant speed", () => {
    const even = samplePath([{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 20 }, { x: 30, y: 30 }], "smooth");
    expect(even.length).toBeGreaterThan(4);
    for (let i = 1; i < even.length; i++) {
      expect(even[i]!.x).toBeCloseTo(even[i]!.y, 9);
      expect(even[i]!.x).toBeGreaterThan(even[i - 1]!.x);
    }
    // Catmull-Rom reproduces a line: the middle segment's midpoint is the chord's midpoint.
    expect(even.some((p) => Math.abs(p.x - 15) < 1e-9)).toBe(true);
    const uneven = samplePath([{ x: 0, y: 5 }, { x: 2, y: 5 }, { x: 50, y: 5 }, { x: 51, y: 5 }], "smooth");
    for (const p of uneven) expect(p.y).toBe(5);
  });

  it("ignores repeated points instead of kinking or dividing by zero", () => {
    const repeated = [square[0]!, square[0]!, square[1]!, square[2]!, square[2]!, square[2]!, square[3]!];
    expect(samplePath(repeated, "smooth")).toEqual(samplePath(square, "smooth"));
  });

  it("leaves fewer than three distinct points as a straight line", () => {
    expect(samplePath([], "smooth")).toEqual([]);
    expect(samplePath([{ x: 4, y: 4 }], "smooth")).toEqual([{ x: 4, y: 4 }]);
    expect(samplePath([{ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 9, y: 9 }], "smooth")).toEqual([{ x: 0, y: 0 }, { x: 9, y: 9 }]);
  });

  it("samples densely: no gap between samples much longer than 4 px on a 200 px path", () => {
    const dense = samplePath([{ x: 0, y: 0 }, { x: 100, y: 60 }, { x: 200, y: 0 }], "smooth");
    for (let i = 1; i < dense.length; i++) expect(Math.hypot(dense[i]!.x - dense[i - 1]!.x, dense[i]!.y - dense[i - 1]!.y)).toBeLessThan(6);
  });
});
