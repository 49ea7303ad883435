import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inpaint } from "./fill";
import { inRect, mask, rgba, stripeCorrelation, type Rgb } from "./testing";

const W = 96;
const H = 64;
const hole = inRect({ x: 30, y: 18, width: 24, height: 24 });
const unknown = mask(W, H, hole);
const pixel = (data: Uint8Array, x: number, y: number) => Array.from(data.subarray((y * W + x) * 4, (y * W + x) * 4 + 4));
const GREEN: Rgb = [30, 200, 30];
const YELLOW: Rgb = [220, 220, 40];

describe("inpaint", () => {
  it("fills a hole in a plain background with that background", () => {
    const source = rgba(W, H, (x, y) => (hole(x, y) ? [250, 0, 0] : [40, 120, 200]));
    const filled = inpaint(source, unknown, W, H);
    for (const [x, y] of [[42, 30], [30, 18], [53, 41]] as const) expect(pixel(filled, x, y)).toEqual([40, 120, 200, 255]);
  });

  it.each([
    ["vertical", (x: number) => x % 6 < 3],
    ["horizontal", (_x: number, y: number) => y % 6 < 3],
    ["diagonal", (x: number, y: number) => (x + y) % 8 < 4],
  ])("continues %s stripes through the hole instead of smearing them", (_, stripe) => {
    const truth = rgba(W, H, (x, y) => (stripe(x, y) ? GREEN : YELLOW));
    const source = rgba(W, H, (x, y) => (hole(x, y) ? [255, 0, 255] : stripe(x, y) ? GREEN : YELLOW));
    const filled = inpaint(source, unknown, W, H);
    const picture = (data: Uint8Array) => ({ width: W, height: H, channels: 4 as const, data });
    expect(stripeCorrelation(picture(filled), picture(truth), hole)).toBeGreaterThan(0.95);
  });

  it("keeps known pixels and uses only colours of known pixels, for holes of any size and place", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: W - 1 }), fc.integer({ min: 0, max: H - 1 }), fc.integer({ min: 1, max: W }), fc.integer({ min: 1, max: H }), (x, y, w, h) => {
        const inside = inRect({ x, y, width: w, height: h });
        fc.pre(!inside(0, 0));
        const source = rgba(W, H, (px, py) => (inside(px, py) ? [255, 255, 255] : [px * 2, py * 3, 90]));
        const filled = inpaint(source, mask(W, H, inside), W, H);
        const wrong: string[] = [];
        for (let p = 0; p < W * H; p += 1) {
          const [r, g, b, a] = [filled[p * 4]!, filled[p * 4 + 1]!, filled[p * 4 + 2]!, filled[p * 4 + 3]!];
          const kept = inside(p % W, Math.floor(p / W)) || (r === source[p * 4] && g === source[p * 4 + 1] && b === source[p * 4 + 2]);
          if (!kept || r > (W - 1) * 2 + 1 || Math.abs(b - 90) > 1 || a !== 255) wrong.push(`${p % W},${Math.floor(p / W)}: ${r},${g},${b},${a}`);
        }
        expect(wrong.slice(0, 5)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it("fills specks smoothly and survives a frame with nothing known", () => {
    const source = rgba(W, H, () => [10, 20, 30]);
    expect(pixel(inpaint(source, mask(W, H, inRect({ x: 5, y: 5, width: 2, height: 2 })), W, H), 5, 5)).toEqual([10, 20, 30, 255]);
    expect(pixel(inpaint(source, new Uint8Array(W * H).fill(255), W, H), 5, 5)).toEqual([10, 20, 30, 255]);
  });
});
