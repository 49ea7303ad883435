import { describe, expect, it } from "vitest";
import { fromValues, identity } from "./matrix";
import { rgba } from "./testing";
import { warpInto } from "./warp";

const W = 8;
const H = 6;
const source = rgba(W, H, (x, y) => [x * 30, y * 40, 7]);
const red = (data: Uint8Array, x: number, y: number) => data[(y * W + x) * 4]!;

describe("warpInto", () => {
  it("copies exactly through the identity", () => {
    const out = new Uint8Array(W * H * 4);
    warpInto(source, out, W, H, identity());
    expect(out).toEqual(source);
  });

  it("shifts by whole pixels exactly and mirrors what comes in from beyond the edge", () => {
    const out = new Uint8Array(W * H * 4);
    // Screen x samples source x − 2: the picture moved right by 2.
    warpInto(source, out, W, H, fromValues([1, 0, -2, 0, 1, 0, 0, 0, 1]));
    expect(red(out, 5, 3)).toBe(red(source, 3, 3));
    expect([red(out, 0, 0), red(out, 1, 0)]).toEqual([red(source, 1, 0), red(source, 0, 0)]);
  });

  it("interpolates half a pixel between neighbours", () => {
    const out = new Uint8Array(W * H * 4);
    warpInto(source, out, W, H, fromValues([1, 0, 0.5, 0, 1, 0, 0, 0, 1]));
    expect(red(out, 3, 2)).toBe(105);
  });
});
