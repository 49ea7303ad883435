import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closePolygon, lassoToPolygon, openPolygon, pointInPolygon, polygonArea, signedArea, simplifyRingToLimit } from "./polygon";

const square = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
];
// An L: tall left arm, foot to the right at the bottom.
const lShape = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 20 },
  { x: 30, y: 20 },
  { x: 30, y: 30 },
  { x: 0, y: 30 },
];

function circle(count: number, radius: number, cx = 100, cy = 100) {
  return Array.from({ length: count }, (_, i) => ({ x: cx + radius * Math.cos((2 * Math.PI * i) / count), y: cy + radius * Math.sin((2 * Math.PI * i) / count) }));
}

describe("polygon area", () => {
  it.each([
    { name: "square", polygon: square, expected: 100 },
    { name: "L", polygon: lShape, expected: 500 },
    { name: "degenerate", polygon: [{ x: 0, y: 0 }, { x: 5, y: 5 }, { x: 10, y: 10 }], expected: 0 },
  ])("$name", ({ polygon, expected }) => {
    expect(polygonArea(polygon)).toBeCloseTo(expected, 9);
    expect(polygonArea([...polygon].reverse())).toBeCloseTo(expected, 9);
  });

  it("is positive for clockwise-on-screen rings", () => {
    expect(signedArea(square)).toBe(100);
    expect(signedArea([...square].reverse())).toBe(-100);
  });
});

describe("pointInPolygon", () => {
  it.each([
    { point: { x: 5, y: 5 }, inside: true },
    { point: { x: 5, y: 25 }, inside: true },
    { point: { x: 25, y: 25 }, inside: true },
    { point: { x: 25, y: 5 }, inside: false },
    { point: { x: -1, y: 5 }, inside: false },
    { point: { x: 5, y: 31 }, inside: false },
  ])("$point in the L: $inside", ({ point, inside }) => {
    expect(pointInPolygon(point, lShape)).toBe(inside);
  });
});

describe("closePolygon / openPolygon", () => {
  it("appends the first point once and removes it again", () => {
    const closed = closePolygon(square);
    expect(closed).toEqual([...square, square[0]]);
    expect(closePolygon(closed)).toEqual(closed);
    expect(openPolygon(closed)).toEqual(square);
    expect(openPolygon(square)).toEqual(square);
    expect(closePolygon([])).toEqual([]);
  });
});

describe("lassoToPolygon", () => {
  it("simplifies a dense lasso into a polygon of the same area", () => {
    const lasso = circle(2000, 50);
    const polygon = lassoToPolygon(lasso);
    expect(polygon).not.toBeNull();
    expect(polygon!.length).toBeLessThan(100);
    expect(polygonArea(polygon!)).toBeGreaterThan(Math.PI * 50 * 50 * 0.97);
    expect(pointInPolygon({ x: 100, y: 100 }, polygon!)).toBe(true);
  });

  it("drops a closing duplicate", () => {
    expect(lassoToPolygon(closePolygon(lShape))).toEqual(lShape);
  });

  it.each([
    { name: "too few points", points: [{ x: 0, y: 0 }, { x: 50, y: 50 }] },
    { name: "a straight drag", points: Array.from({ length: 50 }, (_, i) => ({ x: i * 2, y: i })) },
    { name: "a back-and-forth scribble", points: [...Array.from({ length: 30 }, (_, i) => ({ x: i * 3, y: 10 })), ...Array.from({ length: 30 }, (_, i) => ({ x: 90 - i * 3, y: 10.3 }))] },
    { name: "a tiny loop", points: circle(30, 1.5) },
    { name: "one repeated point", points: Array.from({ length: 10 }, () => ({ x: 3, y: 3 })) },
  ])("rejects $name", ({ points }) => {
    expect(lassoToPolygon(points)).toBeNull();
  });

  it("honours minArea", () => {
    expect(lassoToPolygon(square, { minArea: 101 })).toBeNull();
    expect(lassoToPolygon(square, { minArea: 99 })).toEqual(square);
  });
});

describe("simplifyRingToLimit", () => {
  it("always fits the vertex limit and keeps three or more vertices", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 400 }), fc.integer({ min: 3, max: 60 }), (count, limit) => {
        const jagged = circle(count, 80).map((point, i) => ({ x: point.x + (i % 2) * 3, y: point.y }));
        const simplified = simplifyRingToLimit(jagged, 0.5, limit);
        expect(simplified.length).toBeLessThanOrEqual(Math.max(limit, 3));
        expect(simplified.length).toBeGreaterThanOrEqual(Math.min(3, count));
      }),
    );
  });
});
