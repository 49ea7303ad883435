import { describe, expect, it } from "vitest";
import { maskGeometryProblem } from "./mask-geometry";

const image = { width: 1280, height: 720 };
const mask = (field: string, width: number, height: number) => ({ field, width, height });

describe("maskGeometryProblem", () => {
  it.each([
    ["no masks", [], null],
    ["a mask at the image's size", [mask("static_mask", 1280, 720)], null],
    ["a smaller mask with the same aspect", [mask("static_mask", 640, 360)], null],
    ["masks sharing one resolution", [mask("static_mask", 640, 360), mask("dynamic_masks[0].mask", 640, 360)], null],
    ["a rounding-level aspect difference", [mask("static_mask", 641, 360)], null],
    ["a square mask on a wide image", [mask("static_mask", 720, 720)], /^static_mask: aspect ratio/],
    ["a portrait dynamic mask", [mask("dynamic_masks[0].mask", 360, 640)], /^dynamic_masks\[0\]\.mask: aspect ratio/],
    ["two resolutions", [mask("static_mask", 1280, 720), mask("dynamic_masks[0].mask", 640, 360)], /^dynamic_masks\[0\]\.mask: resolution 640x360 differs from static_mask/],
    ["two dynamic resolutions", [mask("dynamic_masks[0].mask", 640, 360), mask("dynamic_masks[1].mask", 1280, 720)], /^dynamic_masks\[1\]\.mask: resolution/],
  ])("%s", (_name, masks, expected) => {
    const problem = maskGeometryProblem(image, masks);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it("checks only the resolutions when there is no image", () => {
    expect(maskGeometryProblem(undefined, [mask("static_mask", 300, 300)])).toBeNull();
    expect(maskGeometryProblem(undefined, [mask("static_mask", 300, 300), mask("dynamic_masks[0].mask", 301, 300)])).toMatch(/resolution/);
  });
});
