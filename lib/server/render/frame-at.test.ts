import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frameAt, FADE_START, PUSH_SCALE, pushScale, tailWeight, type Scene } from "./frame-at";

const W = 40;
const H = 24;
const picture = (pixel: (x: number, y: number) => [number, number, number]) => {
  const data = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y += 1) {
    for (let x = 0; x < W; x += 1) data.set([...pixel(x, y), 255], (y * W + x) * 4);
  }
  return data;
};
/** Red grows left → right, green top → bottom: every pixel is distinct and the picture is asymmetric. */
const gradient = picture((x, y) => [x * 6, y * 10, 90]);
const flat = picture(() => [10, 200, 30]);
const render = (scene: Partial<Scene>, t: number) => {
  const out = new Uint8Array(W * H * 4);
  frameAt({ width: W, height: H, start: null, tail: null, ...scene }, t, out);
  return out;
};
const red = (frame: Uint8Array, x: number, y: number) => frame[(y * W + x) * 4]!;

describe("frameAt", () => {
  it("starts exactly on the start frame", () => {
    expect(render({ start: gradient, tail: flat }, 0)).toEqual(gradient);
    expect(render({ start: gradient }, 0)).toEqual(gradient);
  });

  it("ends exactly on the tail frame, with or without a start frame", () => {
    expect(render({ start: gradient, tail: flat }, 1)).toEqual(flat);
    expect(render({ tail: gradient }, 1)).toEqual(gradient);
  });

  it("pushes in about the centre: edges move toward the middle, the middle stays", () => {
    const end = render({ start: gradient }, 1);
    expect(red(end, 0, 12)).toBeGreaterThan(red(gradient, 0, 12));
    expect(red(end, W - 1, 12)).toBeLessThan(red(gradient, W - 1, 12));
    expect(Math.abs(red(end, W / 2, 12) - red(gradient, W / 2, 12))).toBeLessThanOrEqual(3);
  });

  it("pulls back to the tail frame when only the tail is given", () => {
    const begin = render({ tail: gradient }, 0);
    expect(red(begin, 0, 12)).toBeGreaterThan(red(gradient, 0, 12));
  });

  it("keeps a flat picture flat at any time, and always writes opaque pixels", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (t, withTail) => {
        const frame = render({ start: flat, tail: withTail ? flat : null }, t);
        expect(frame).toEqual(flat);
      }),
    );
  });

  it("shows nothing (black) without any frame", () => {
    expect(render({}, 0.5).every((value) => value === 0)).toBe(true);
  });
});

describe("timing curves", () => {
  it("fades to the tail only after FADE_START, monotonically, reaching 1 at the end", () => {
    expect(tailWeight(FADE_START)).toBe(0);
    expect(tailWeight(1)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(tailWeight(early)).toBeLessThanOrEqual(tailWeight(late));
      }),
    );
  });

  it("pushes from 1 to 1 + PUSH_SCALE", () => {
    expect(pushScale(0)).toBe(1);
    expect(pushScale(1)).toBeCloseTo(1 + PUSH_SCALE, 10);
  });
});
