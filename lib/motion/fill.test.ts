import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dilate, fillUnknown } from "./fill";
import { inRect, mask, rgba } from "./testing";

const W = 48;
const H = 32;
const hole = inRect({ x: 16, y: 8, width: 16, height: 16 });
const known = mask(W, H, (x, y) => !hole(x, y));
const pixel = (data: Uint8Array, x: number, y: number) => Array.from(data.subarray((y * W + x) * 4, (y * W + x) * 4 + 4));

describe("fillUnknown", () => {
  it("fills a hole in a plain background with that background, not black", () => {
    const source = rgba(W, H, (x, y) => (hole(x, y) ? [250, 0, 0] : [40, 120, 200]));
    const filled = fillUnknown(source, known, W, H);
    for (const [x, y] of [[24, 16], [16, 8], [31, 23]] as const) expect(pixel(filled, x, y)).toEqual([40, 120, 200, 255]);
  });

  it("keeps known pixels and blends the hole from its own rim: red side stays red, blue side blue", () => {
    const source = rgba(W, H, (x, y) => (hole(x, y) ? [0, 255, 0] : x < W / 2 ? [255, 0, 0] : [0, 0, 255]));
    const filled = fillUnknown(source, known, W, H);
    expect(pixel(filled, 2, 2)).toEqual([255, 0, 0, 255]);
    const [leftRed, , leftBlue] = pixel(filled, 17, 16);
    const [rightRed, rightGreen, rightBlue] = pixel(filled, 30, 16);
    expect(leftRed).toBeGreaterThan(leftBlue!);
    expect(rightBlue).toBeGreaterThan(rightRed!);
    expect(rightGreen).toBe(0);
  });

  it("fills a hole of any size and shape with colours of the known pixels only", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: W - 1 }), fc.integer({ min: 0, max: H - 1 }), fc.integer({ min: 1, max: W }), fc.integer({ min: 1, max: H }), (x, y, w, h) => {
        const holeArb = inRect({ x, y, width: w, height: h });
        fc.pre(!holeArb(0, 0));
        const source = rgba(W, H, (px, py) => (holeArb(px, py) ? [255, 255, 255] : [px * 4, py * 6, 90]));
        const filled = fillUnknown(source, mask(W, H, (px, py) => !holeArb(px, py)), W, H);
        for (let p = 0; p < W * H; p += 1) {
          expect(filled[p * 4]).toBeLessThanOrEqual((W - 1) * 4);
          expect(filled[p * 4 + 2]).toBe(90);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("uses the picture's own blur when nothing is known", () => {
    const source = rgba(W, H, () => [10, 20, 30]);
    expect(pixel(fillUnknown(source, new Uint8Array(W * H), W, H), 5, 5)).toEqual([10, 20, 30, 255]);
  });
});

describe("dilate", () => {
  it("grows painted pixels by the radius in every direction, no further", () => {
    const dot = mask(9, 9, (x, y) => x === 4 && y === 4);
    const grown = dilate(dot, 9, 9, 2);
    expect(grown.filter((value) => value === 255)).toHaveLength(25);
    expect(grown[2 * 9 + 2]).toBe(255);
    expect(grown[1 * 9 + 4]).toBe(0);
  });
});
