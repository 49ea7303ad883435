import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EASINGS } from "@/lib/recipe/schema";
import { dropConsecutiveDuplicates, pathLength } from "./resample";
import { distinctCount, pathArb } from "./test-arbitraries";
import { MAX_TRAJECTORY_POINTS, easeProgress, prepareTrajectory, redistributeForEasing, toKlingTrajectory } from "./trajectory";
import type { ImagePoint } from "./types";

function spiral(count: number): ImagePoint[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = i / 20;
    return { x: 500 + Math.cos(angle) * (50 + i), y: 400 + Math.sin(angle) * (50 + i) };
  });
}

describe("dropConsecutiveDuplicates", () => {
  it("keeps a point that returns later", () => {
    const a = { x: 1, y: 1 };
    const b = { x: 2, y: 2 };
    expect(dropConsecutiveDuplicates([a, a, b, b, b, a])).toEqual([a, b, a]);
  });
});

describe("prepareTrajectory", () => {
  it("leaves a short, clean path alone", () => {
    const path = [
      { x: 10, y: 10 },
      { x: 200, y: 40 },
      { x: 220, y: 300 },
    ];
    expect(prepareTrajectory(path)).toEqual(path);
  });

  it("reduces a 500-point curve to exactly 77 points with its endpoints", () => {
    const path = spiral(500);
    const prepared = prepareTrajectory(path);
    expect(prepared).toHaveLength(MAX_TRAJECTORY_POINTS);
    expect(prepared[0]).toEqual(path[0]);
    expect(prepared.at(-1)).toEqual(path.at(-1));
  });

  it("collapses a straight freehand line to its two ends", () => {
    const path = Array.from({ length: 300 }, (_, i) => ({ x: i, y: 2 * i + (i % 2) * 0.1 }));
    expect(prepareTrajectory(path)).toEqual([path[0], path.at(-1)]);
  });

  it.each([
    { name: "empty", points: [], expected: [] },
    { name: "one point", points: [{ x: 4, y: 4 }], expected: [{ x: 4, y: 4 }] },
    { name: "a repeated point", points: [{ x: 4, y: 4 }, { x: 4, y: 4 }], expected: [{ x: 4, y: 4 }] },
  ])("returns $name as fewer than 2 points", ({ points, expected }) => {
    expect(prepareTrajectory(points)).toEqual(expected);
  });

  it("honours maxPoints", () => {
    expect(prepareTrajectory(spiral(500), { maxPoints: 10 })).toHaveLength(10);
  });

  it("never exceeds 77 points, never has fewer than 2 for ≥ 2 distinct inputs, keeps endpoints", () => {
    fc.assert(
      fc.property(pathArb, (path) => {
        const prepared = prepareTrajectory(path);
        expect(prepared.length).toBeLessThanOrEqual(MAX_TRAJECTORY_POINTS);
        if (distinctCount(path) >= 2) {
          expect(prepared.length).toBeGreaterThanOrEqual(2);
          expect(prepared[0]).toEqual(path[0]);
          expect(prepared.at(-1)).toEqual(path.at(-1));
        }
      }),
    );
  });
});

describe("easeProgress", () => {
  it.each(EASINGS)("%s goes from 0 to 1 monotonically", (easing) => {
    expect(easeProgress(easing, 0)).toBe(0);
    expect(easeProgress(easing, 1)).toBe(1);
    let previous = 0;
    for (let i = 1; i <= 100; i++) {
      const value = easeProgress(easing, i / 100);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it.each([
    { easing: "linear", t: 0.25, expected: 0.25 },
    { easing: "ease-in", t: 0.5, expected: 0.25 },
    { easing: "ease-out", t: 0.5, expected: 0.75 },
    { easing: "ease-in-out", t: 0.25, expected: 0.125 },
    { easing: "ease-in-out", t: 0.5, expected: 0.5 },
    { easing: "ease-in-out", t: 0.75, expected: 0.875 },
    { easing: "ease-in", t: -1, expected: 0 },
    { easing: "ease-out", t: 2, expected: 1 },
  ] as const)("$easing at $t is $expected", ({ easing, t, expected }) => {
    expect(easeProgress(easing, t)).toBeCloseTo(expected, 12);
  });
});

describe("redistributeForEasing", () => {
  const line = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
  ];

  it("spaces linear points evenly (constant speed)", () => {
    expect(redistributeForEasing(line, "linear", 5).map((p) => p.x)).toEqual([0, 25, 50, 75, 100]);
  });

  it("bunches ease-in points at the start and ease-out points at the end", () => {
    expect(redistributeForEasing(line, "ease-in", 5).map((p) => p.x)).toEqual([0, 6.25, 25, 56.25, 100]);
    expect(redistributeForEasing(line, "ease-out", 5).map((p) => p.x)).toEqual([0, 43.75, 75, 93.75, 100]);
  });

  it("follows corners of the path", () => {
    const l = [
      { x: 0, y: 0 },
      { x: 0, y: 50 },
      { x: 50, y: 50 },
    ];
    expect(redistributeForEasing(l, "linear", 3)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 50 },
      { x: 50, y: 50 },
    ]);
  });

  it("clamps the count to Kling's 2..77", () => {
    expect(redistributeForEasing(line, "linear", 500)).toHaveLength(77);
    expect(redistributeForEasing(line, "linear", 1)).toHaveLength(2);
  });

  it("keeps endpoints and makes point i reach easeProgress(i/(n−1)) of the length", () => {
    fc.assert(
      fc.property(pathArb, fc.constantFrom(...EASINGS), fc.integer({ min: 2, max: 77 }), (path, easing, count) => {
        fc.pre(distinctCount(path) >= 2);
        const points = redistributeForEasing(path, easing, count);
        expect(points).toHaveLength(count);
        expect(points[0]).toEqual(path[0]);
        expect(points.at(-1)).toEqual(path.at(-1));
      }),
    );
    // On a straight path, distance travelled is measurable from the start.
    fc.assert(
      fc.property(fc.constantFrom(...EASINGS), fc.integer({ min: 2, max: 77 }), (easing, count) => {
        const points = redistributeForEasing(line, easing, count);
        points.forEach((point, i) => expect(point.x).toBeCloseTo(easeProgress(easing, i / (count - 1)) * pathLength(line), 9));
      }),
    );
  });
});

describe("toKlingTrajectory", () => {
  it("spreads 77 points by easing and flips them to bottom-left integers", () => {
    const size = { width: 1000, height: 500 };
    const points = toKlingTrajectory({ trajectory: [{ x: 0, y: 0 }, { x: 760, y: 380 }], easing: "linear", curve: "smooth" }, size);
    expect(points).toHaveLength(MAX_TRAJECTORY_POINTS);
    expect(points[0]).toEqual({ x: 0, y: 500 });
    expect(points[1]).toEqual({ x: 10, y: 495 });
    expect(points.at(-1)).toEqual({ x: 760, y: 120 });
  });
});
