import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentDistanceSquared, simplifyPath, simplifyRing } from "./simplify";
import { pathArb } from "./test-arbitraries";
import type { ImagePoint } from "./types";

function distanceToPolyline(point: ImagePoint, polyline: readonly ImagePoint[]): number {
  if (polyline.length === 1) return Math.hypot(point.x - polyline[0]!.x, point.y - polyline[0]!.y);
  let best = Infinity;
  for (let i = 1; i < polyline.length; i++) best = Math.min(best, segmentDistanceSquared(point, polyline[i - 1]!, polyline[i]!));
  return Math.sqrt(best);
}

describe("segmentDistanceSquared", () => {
  it.each([
    { p: { x: 5, y: 3 }, expected: 9 },
    { p: { x: -4, y: 0 }, expected: 16 },
    { p: { x: 13, y: 4 }, expected: 25 },
  ])("measures to the segment, not the line: $p", ({ p, expected }) => {
    expect(segmentDistanceSquared(p, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(expected, 9);
  });
});

describe("simplifyPath", () => {
  it("drops collinear points and keeps corners", () => {
    const path = [
      { x: 0, y: 0 },
      { x: 5, y: 0.2 },
      { x: 10, y: 0 },
      { x: 10, y: 5 },
      { x: 10, y: 10 },
    ];
    expect(simplifyPath(path, 1)).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
    ]);
  });

  it("keeps everything with zero tolerance", () => {
    const path = [
      { x: 0, y: 0 },
      { x: 5, y: 0 },
      { x: 10, y: 0 },
    ];
    expect(simplifyPath(path, 0)).toEqual(path);
  });

  it("keeps endpoints and stays within tolerance of every input point", () => {
    fc.assert(
      fc.property(pathArb, fc.double({ min: 0.1, max: 50, noNaN: true }), (path, tolerance) => {
        const simplified = simplifyPath(path, tolerance);
        expect(simplified[0]).toEqual(path[0]);
        expect(simplified.at(-1)).toEqual(path.at(-1));
        expect(simplified.length).toBeLessThanOrEqual(path.length);
        for (const point of path) expect(distanceToPolyline(point, simplified)).toBeLessThanOrEqual(tolerance + 1e-9);
      }),
    );
  });

  it("handles long paths without recursion", () => {
    const path = Array.from({ length: 200_000 }, (_, i) => ({ x: i, y: i % 2 === 0 ? 0 : 3 }));
    const simplified = simplifyPath(path, 1);
    expect(simplified.length).toBe(path.length);
    expect(simplifyPath(path, 5)).toEqual([path[0], path.at(-1)]);
  });
});

describe("simplifyRing", () => {
  it("reduces a dense square outline to its four corners", () => {
    const ring: ImagePoint[] = [];
    for (let x = 0; x < 10; x++) ring.push({ x, y: 0 });
    for (let y = 0; y < 10; y++) ring.push({ x: 10, y });
    for (let x = 10; x > 0; x--) ring.push({ x, y: 10 });
    for (let y = 10; y > 0; y--) ring.push({ x: 0, y });
    const simplified = simplifyRing(ring, 0.5);
    expect(simplified).toHaveLength(4);
    expect(new Set(simplified.map((p) => `${p.x},${p.y}`))).toEqual(new Set(["0,0", "10,0", "10,10", "0,10"]));
  });
});

describe("simplifyRing properties", () => {
  it("keeps at least three vertices, all from the ring, every input point within tolerance", () => {
    fc.assert(
      fc.property(pathArb, fc.double({ min: 0.1, max: 5000, noNaN: true }), (ring, tolerance) => {
        fc.pre(ring.length >= 3);
        const simplified = simplifyRing(ring, tolerance);
        expect(simplified.length).toBeGreaterThanOrEqual(3);
        expect(simplified[0]).toEqual(ring[0]);
        for (const point of simplified) expect(ring).toContainEqual(point);
        const closed = [...simplified, simplified[0]!];
        for (const point of ring) expect(distanceToPolyline(point, closed)).toBeLessThanOrEqual(tolerance + 1e-9);
      }),
    );
  });
});
