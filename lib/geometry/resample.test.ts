import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pathLength, pointAtDistance, resampleByArcLength } from "./resample";
import { distinctCount, pathArb } from "./test-arbitraries";

const lShape = [
  { x: 0, y: 0 },
  { x: 0, y: 30 },
  { x: 40, y: 30 },
];

describe("pathLength", () => {
  it.each([
    { points: [], expected: 0 },
    { points: [{ x: 3, y: 4 }], expected: 0 },
    { points: [{ x: 0, y: 0 }, { x: 3, y: 4 }], expected: 5 },
    { points: lShape, expected: 70 },
  ])("measures $expected", ({ points, expected }) => {
    expect(pathLength(points)).toBeCloseTo(expected, 9);
  });
});

describe("pointAtDistance", () => {
  it.each([
    { distance: -5, expected: { x: 0, y: 0 } },
    { distance: 15, expected: { x: 0, y: 15 } },
    { distance: 30, expected: { x: 0, y: 30 } },
    { distance: 50, expected: { x: 20, y: 30 } },
    { distance: 999, expected: { x: 40, y: 30 } },
  ])("walks $distance px along an L", ({ distance, expected }) => {
    expect(pointAtDistance(lShape, distance)).toEqual(expected);
  });

  it("skips zero-length segments", () => {
    const path = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
    ];
    expect(pointAtDistance(path, 15)).toEqual({ x: 10, y: 5 });
  });
});

describe("resampleByArcLength", () => {
  it("spaces points evenly along the path", () => {
    expect(resampleByArcLength(lShape, 8)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 10 },
      { x: 0, y: 20 },
      { x: 0, y: 30 },
      { x: 10, y: 30 },
      { x: 20, y: 30 },
      { x: 30, y: 30 },
      { x: 40, y: 30 },
    ]);
  });

  it("keeps the count and both endpoints exactly", () => {
    fc.assert(
      fc.property(pathArb, fc.integer({ min: 2, max: 200 }), (path, count) => {
        const resampled = resampleByArcLength(path, count);
        expect(resampled).toHaveLength(count);
        expect(resampled[0]).toEqual(path[0]);
        expect(resampled.at(-1)).toEqual(path.at(-1));
      }),
    );
  });

  it("gives equal gaps between consecutive points on a straight path", () => {
    fc.assert(
      fc.property(pathArb, fc.integer({ min: 3, max: 100 }), (path, count) => {
        const line = [path[0]!, path.at(-1)!];
        fc.pre(distinctCount(line) === 2);
        const resampled = resampleByArcLength(line, count);
        const step = pathLength(line) / (count - 1);
        for (let i = 1; i < resampled.length; i++) expect(pathLength([resampled[i - 1]!, resampled[i]!])).toBeCloseTo(step, 6);
      }),
    );
  });
});
