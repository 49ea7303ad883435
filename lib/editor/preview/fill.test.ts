import { describe, expect, it } from "vitest";
import { createCompositor } from "@/lib/motion";
import { inRect, mask, rgba, type Rgb } from "@/lib/motion/testing";
import { timedPath } from "@/lib/motion";
import { fillVacated } from "./fill";

const W = 64;
const H = 40;
const square = inRect({ x: 20, y: 12, width: 12, height: 12 });
const background = (x: number): Rgb => [60 + x * 2, 90, 140];
const picture = rgba(W, H, (x, y) => (square(x, y) ? [230, 20, 20] : background(x)));
const coverage = (inside: (x: number, y: number) => boolean) => rgba(W, H, () => [255, 255, 255]).map((v, i) => (i % 4 === 3 ? (inside((i >> 2) % W, Math.floor((i >> 2) / W)) ? 255 : 0) : v));

describe("fillVacated", () => {
  it("replaces the covered area by the picture around it, and leaves the rest alone", () => {
    const filled = fillVacated(new Uint8ClampedArray(picture), new Uint8ClampedArray(coverage(square)), W, H, 1);
    for (let y = 0; y < H; y += 1) {
      for (let x = 0; x < W; x += 1) {
        const o = (y * W + x) * 4;
        if (square(x, y)) {
          // No red left; the gradient around it, roughly.
          expect(filled[o]!).toBeLessThan(140);
          expect(Math.abs(filled[o + 2]! - 140)).toBeLessThan(3);
        } else if (!inRect({ x: 17, y: 9, width: 18, height: 18 })(x, y)) {
          expect([...filled.subarray(o, o + 4)]).toEqual([...picture.subarray(o, o + 4)]);
        }
        expect(filled[o + 3]).toBe(255);
      }
    }
  });

  it("is the engine compositor's fill at full size", () => {
    // The compositor shows its fill where a region left: compare on the square once it has moved away.
    const compositor = createCompositor({
      width: W,
      height: H,
      start: picture,
      tail: null,
      staticMask: null,
      regions: [{ mask: mask(W, H, square), path: timedPath([{ x: 26, y: 18 }, { x: 26 + 30, y: 18 }]) }],
      camera: null,
    });
    const frame = new Uint8Array(W * H * 4);
    compositor.render(1, frame);
    const filled = fillVacated(new Uint8ClampedArray(picture), new Uint8ClampedArray(coverage(square)), W, H, 1);
    for (let y = 12; y < 24; y += 1) for (let x = 20; x < 32; x += 1) for (let c = 0; c < 3; c += 1) expect(filled[(y * W + x) * 4 + c]).toBe(frame[(y * W + x) * 4 + c]);
  });
});
