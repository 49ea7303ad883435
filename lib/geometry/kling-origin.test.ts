import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromKlingOrigin, toKlingOrigin } from "./kling-origin";

describe("toKlingOrigin", () => {
  const size = { width: 1280, height: 720 };

  it("flips y so a path from upper-left to lower-right has x rising and y falling", () => {
    const path = [
      { x: 100, y: 50 },
      { x: 600, y: 300 },
      { x: 1200, y: 700 },
    ];
    const flipped = toKlingOrigin(path, size);
    expect(flipped).toEqual([
      { x: 100, y: 670 },
      { x: 600, y: 420 },
      { x: 1200, y: 20 },
    ]);
    for (let i = 1; i < flipped.length; i++) {
      expect(flipped[i]!.x).toBeGreaterThan(flipped[i - 1]!.x);
      expect(flipped[i]!.y).toBeLessThan(flipped[i - 1]!.y);
    }
  });

  it("maps an L shape (down the left edge, then right along the bottom) without mirroring x", () => {
    const l = [
      { x: 10, y: 10 },
      { x: 10, y: 710 },
      { x: 400, y: 710 },
    ];
    expect(toKlingOrigin(l, size)).toEqual([
      { x: 10, y: 710 },
      { x: 10, y: 10 },
      { x: 400, y: 10 },
    ]);
  });

  it.each([
    { input: { x: 10.4, y: 20.6 }, expected: { x: 10, y: 699 } },
    { input: { x: -30, y: -5 }, expected: { x: 0, y: 720 } },
    { input: { x: 5000, y: 900 }, expected: { x: 1280, y: 0 } },
    { input: { x: 0, y: 720 }, expected: { x: 0, y: 0 } },
  ])("rounds and clamps $input", ({ input, expected }) => {
    expect(toKlingOrigin([input], size)).toEqual([expected]);
  });

  it("always yields integers inside the image", () => {
    const coordinate = fc.double({ min: -100_000, max: 100_000, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.record({ x: coordinate, y: coordinate })), fc.integer({ min: 1, max: 8000 }), fc.integer({ min: 1, max: 8000 }), (points, width, height) => {
        for (const point of toKlingOrigin(points, { width, height })) {
          expect(Number.isInteger(point.x) && Number.isInteger(point.y)).toBe(true);
          expect(point.x).toBeGreaterThanOrEqual(0);
          expect(point.x).toBeLessThanOrEqual(width);
          expect(point.y).toBeGreaterThanOrEqual(0);
          expect(point.y).toBeLessThanOrEqual(height);
        }
      }),
    );
  });

  it("flipping twice is the identity for in-bounds integer points", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.array(fc.record({ fx: fc.double({ min: 0, max: 1, noNaN: true }), fy: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 50 }),
        (width, height, fractions) => {
          const size = { width, height };
          const points = fractions.map(({ fx, fy }) => ({ x: Math.round(fx * width), y: Math.round(fy * height) }));
          expect(fromKlingOrigin(toKlingOrigin(points, size), size)).toEqual(points);
          expect(toKlingOrigin(fromKlingOrigin(points, size), size)).toEqual(points);
        },
      ),
    );
  });
});
