import { describe, expect, it } from "vitest";
import { isPaintedPixel, thresholdRgba } from "./threshold";

describe("isPaintedPixel", () => {
  it.each([
    ["opaque white", [255, 255, 255, 255], true],
    ["opaque black", [0, 0, 0, 255], false],
    ["grey 128, the threshold itself", [128, 128, 128, 255], true],
    ["grey 127", [127, 127, 127, 255], false],
    ["white at alpha 128: exactly half over black", [255, 255, 255, 128], true],
    ["white at alpha 127", [255, 255, 255, 127], false],
    ["transparent white", [255, 255, 255, 0], false],
    ["pure red (luma 76)", [255, 0, 0, 255], false],
    ["pure green (luma 150)", [0, 255, 0, 255], true],
    ["pure blue (luma 29)", [0, 0, 255, 255], false],
    ["light grey 200 at alpha 164 (200·164/255 = 128.6)", [200, 200, 200, 164], true],
    ["light grey 200 at alpha 163 (127.8)", [200, 200, 200, 163], false],
  ] as const)("%s → %s", (_name, [r, g, b, a], painted) => {
    expect(isPaintedPixel(r, g, b, a)).toBe(painted);
  });

  it("maps RGBA to one byte per pixel", () => {
    expect([...thresholdRgba([255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 0])]).toEqual([255, 0, 0]);
  });
});
