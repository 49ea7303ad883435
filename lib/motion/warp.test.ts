import { describe, expect, it } from "vitest";
import { poseMatrix } from "./camera";
import { fromValues, identity, invert } from "./matrix";
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

  // Every pixel against the map evaluated exactly, bilinear and mirrored at the edges: the spans, the
  // inside runs they solve for and the mirrored pixels either side must agree with it everywhere.
  it.each([
    ["a zoom out (edges mirrored on every row)", { shiftX: 0, shiftY: 0, yaw: 0, pitch: 0, roll: 0, zoom: 0.8 }],
    ["a slide past the corner", { shiftX: 0.3, shiftY: -0.2, yaw: 0, pitch: 0, roll: 0, zoom: 1 }],
    ["a roll", { shiftX: 0, shiftY: 0, yaw: 0, pitch: 0, roll: 0.25, zoom: 1.1 }],
    ["a pan and tilt (perspective)", { shiftX: 0, shiftY: 0, yaw: 0.17, pitch: -0.17, roll: 0, zoom: 0.9 }],
  ])("matches the exact map for %s", (_name, pose) => {
    // The engine's output size (SPAN is chosen for it), and a smooth texture (at most ~11 levels per
    // pixel), so a tiny position error is a tiny difference.
    const width = 1280;
    const height = 720;
    const picture = rgba(width, height, (x, y) => [128 + 100 * Math.sin(x / 9), 128 + 100 * Math.cos(y / 7), 128 + 100 * Math.sin((x + y) / 13)]);
    const inverse = invert(poseMatrix(pose, { width, height }));
    const out = new Uint8Array(width * height * 4);
    warpInto(picture, out, width, height, inverse);
    let worst = 0;
    for (let y = 0; y < height; y += 5) {
      for (let x = 0; x < width; x += 1) {
        const expected = exactSample(picture, width, height, inverse, x, y);
        for (let c = 0; c < 3; c += 1) worst = Math.max(worst, Math.abs(out[(y * width + x) * 4 + c]! - expected[c]!));
      }
    }
    // Fixed-point positions and 8-bit weights: within a couple of levels of the exact sample.
    expect(worst).toBeLessThanOrEqual(3);
  });
});

function exactSample(picture: Uint8Array, width: number, height: number, m: Float64Array, x: number, y: number): number[] {
  const w = m[6]! * (x + 0.5) + m[7]! * (y + 0.5) + m[8]!;
  const sx = (m[0]! * (x + 0.5) + m[1]! * (y + 0.5) + m[2]!) / w - 0.5;
  const sy = (m[3]! * (x + 0.5) + m[4]! * (y + 0.5) + m[5]!) / w - 0.5;
  const mirror = (i: number, size: number) => Math.min(size - 1, Math.max(0, i < 0 ? -i - 1 : i >= size ? 2 * size - 1 - i : i));
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  const fx = sx - x0;
  const fy = sy - y0;
  const at = (xi: number, yi: number, c: number) => picture[(mirror(yi, height) * width + mirror(xi, width)) * 4 + c]!;
  return [0, 1, 2].map(
    (c) => (1 - fy) * ((1 - fx) * at(x0, y0, c) + fx * at(x0 + 1, y0, c)) + fy * ((1 - fx) * at(x0, y0 + 1, c) + fx * at(x0 + 1, y0 + 1, c)),
  );
}
