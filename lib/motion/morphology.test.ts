import { describe, expect, it } from "vitest";
import { mask } from "./testing";
import { boundsOf, components, dilate, featherOut } from "./morphology";

describe("dilate", () => {
  it("grows painted pixels by the radius in every direction, no further", () => {
    const dot = mask(9, 9, (x, y) => x === 4 && y === 4);
    const grown = dilate(dot, 9, 9, 2);
    expect(grown.filter((value) => value === 255)).toHaveLength(25);
    expect(grown[2 * 9 + 2]).toBe(255);
    expect(grown[1 * 9 + 4]).toBe(0);
  });
});

describe("featherOut", () => {
  it("keeps every painted pixel whole and ramps down to nothing over the radius outside", () => {
    const square = mask(20, 20, (x, y) => x >= 8 && x < 12 && y >= 8 && y < 12);
    const soft = featherOut(square, 20, 20, 3);
    for (let p = 0; p < 400; p += 1) if (square[p]) expect(soft[p]).toBe(255);
    const row = Array.from(soft.subarray(10 * 20 + 12, 10 * 20 + 17));
    expect(row[0]).toBeGreaterThan(row[1]!);
    expect(row[1]).toBeGreaterThan(row[2]!);
    expect(row[2]).toBeGreaterThan(0);
    expect(row[3]).toBe(0);
    expect(boundsOf(soft, 20, 20)).toEqual({ x0: 5, y0: 5, x1: 15, y1: 15 });
  });
});

describe("components", () => {
  it("labels 4-connected blobs with their boxes and sizes", () => {
    const two = mask(10, 6, (x, y) => (x < 3 && y < 2) || (x >= 6 && y >= 3));
    const { labels, boxes, sizes } = components(two, 10, 6);
    expect(boxes).toEqual([
      { x0: 0, y0: 0, x1: 3, y1: 2 },
      { x0: 6, y0: 3, x1: 10, y1: 6 },
    ]);
    expect(sizes).toEqual([6, 12]);
    expect(labels[0]).toBe(1);
    expect(labels[59]).toBe(2);
    expect(labels[5]).toBe(0);
  });
});
