import { describe, expect, it } from "vitest";
import type { VectorMask } from "@/lib/recipe/schema";
import { maskBounds } from "./bounds";

describe("maskBounds", () => {
  it.each<{ name: string; mask: VectorMask; expected: ReturnType<typeof maskBounds> }>([
    { name: "no shapes", mask: { strokes: [] }, expected: null },
    { name: "only erasing", mask: { strokes: [{ op: "erase", size: 10, points: [{ x: 5, y: 5 }] }] }, expected: null },
    { name: "a dot", mask: { strokes: [{ op: "paint", size: 10, points: [{ x: 50, y: 40 }] }] }, expected: { x: 45, y: 35, width: 10, height: 10 } },
    {
      name: "a stroke and a fill",
      mask: {
        strokes: [
          { op: "paint", size: 4, points: [{ x: 10, y: 10 }, { x: 30, y: 12 }] },
          { op: "paint", polygon: [{ x: 40, y: 50 }, { x: 60, y: 50 }, { x: 50, y: 70 }] },
          { op: "erase", size: 100, points: [{ x: 500, y: 500 }] },
        ],
      },
      expected: { x: 8, y: 8, width: 52, height: 62 },
    },
    { name: "a flat fill", mask: { strokes: [{ op: "paint", polygon: [{ x: 0, y: 5 }, { x: 10, y: 5 }, { x: 20, y: 5 }] }] }, expected: null },
  ])("$name", ({ mask, expected }) => {
    expect(maskBounds(mask)).toEqual(expected);
  });

  it("clips to the image and reports paint entirely outside as none", () => {
    const size = { width: 100, height: 80 };
    expect(maskBounds({ strokes: [{ op: "paint", size: 20, points: [{ x: 95, y: 5 }] }] }, size)).toEqual({ x: 85, y: 0, width: 15, height: 15 });
    expect(maskBounds({ strokes: [{ op: "paint", size: 20, points: [{ x: 500, y: 5 }] }] }, size)).toBeNull();
  });
});
