import { describe, expect, it } from "vitest";
import { REGION_COLORS, STATIC_MASK_COLOR } from "@/lib/editor/document";
import { recipeSchema } from "@/lib/recipe/schema";
import { buildOverlay, maskHref, overlayStrokeWidth, pathPoints } from "./overlay";

const SIZE = { width: 640, height: 360 };
const MASK_URL = "/api/shares/slug/masks/static";
const maskUrl = (key: string) => `/api/shares/slug/masks/${key}`;

describe("maskHref", () => {
  it("is null for no mask and for a mask that only erases", () => {
    expect(maskHref(null, SIZE, MASK_URL)).toBeNull();
    expect(maskHref({ strokes: [] }, SIZE, MASK_URL)).toBeNull();
    expect(maskHref({ strokes: [{ op: "erase", size: 10, points: [{ x: 1, y: 1 }] }] }, SIZE, MASK_URL)).toBeNull();
  });

  it("points a PNG mask at the share's mask MASK_URL, never at the asset", () => {
    expect(maskHref({ asset: "abcDEF123_-x" }, SIZE, MASK_URL)).toBe(MASK_URL);
  });

  it("turns a vector mask into a white-on-black SVG of the frame's size, erase shapes included", () => {
    const href = maskHref(
      {
        strokes: [
          { op: "paint", size: 40, points: [{ x: 10, y: 20 }, { x: 90, y: 20 }] },
          { op: "erase", polygon: [{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 50, y: 50 }] },
        ],
      },
      SIZE,
      MASK_URL,
    )!;
    expect(href.startsWith("data:image/svg+xml,")).toBe(true);
    const svg = decodeURIComponent(href.slice("data:image/svg+xml,".length));
    expect(svg).toContain('viewBox="0 0 640 360"');
    expect(svg).toContain('<polyline points="10,20 90,20" fill="none" stroke="#ffffff" stroke-width="40"');
    expect(svg).toContain('<polygon points="0,0 50,0 50,50" fill="#000000"');
  });
});

describe("pathPoints", () => {
  it.each([
    [[], null],
    [[{ x: 5, y: 5 }], null],
    [[{ x: 5, y: 5 }, { x: 5, y: 5 }], null],
    [[{ x: 1.004, y: 2 }, { x: 300.5, y: 400.126 }], "1,2 300.5,400.13"],
  ])("pathPoints(%j) = %j", (points, expected) => {
    expect(pathPoints(points)).toBe(expected);
  });
});

describe("overlayStrokeWidth", () => {
  it.each([
    [{ width: 300, height: 300 }, 3],
    [{ width: 1920, height: 1080 }, 12],
    [{ width: 3840, height: 2160 }, 24],
  ])("%j → %d", (size, expected) => {
    expect(overlayStrokeWidth(size)).toBe(expected);
  });
});

describe("buildOverlay", () => {
  it("lists the static area first, then each region in its editor colour with its path", () => {
    const recipe = recipeSchema.parse({
      version: 1,
      staticMask: { strokes: [{ op: "paint", size: 30, points: [{ x: 10, y: 300 }, { x: 600, y: 300 }] }] },
      regions: [
        { mask: { strokes: [{ op: "paint", size: 80, points: [{ x: 100, y: 100 }] }] }, trajectory: [{ x: 100, y: 100 }, { x: 500, y: 200 }] },
        { mask: { asset: "maskasset0001" }, trajectory: [] },
      ],
    });
    const overlay = buildOverlay(recipe, SIZE, maskUrl);
    expect(overlay).toMatchObject({ width: 640, height: 360, strokeWidth: 4 });
    expect(overlay.layers.map((layer) => [layer.key, layer.label, layer.color])).toEqual([
      ["static", "Static area", STATIC_MASK_COLOR],
      ["region-0", "Region 1", REGION_COLORS[0]],
      ["region-1", "Region 2", REGION_COLORS[1]],
    ]);
    expect(overlay.layers[1]).toMatchObject({ path: "100,100 500,200", start: { x: 100, y: 100 } });
    expect(overlay.layers[2]).toMatchObject({ maskHref: "/api/shares/slug/masks/region-1", path: null, start: null });
  });

  it("leaves out an empty static mask", () => {
    const overlay = buildOverlay({ staticMask: { strokes: [] }, regions: [] }, SIZE, maskUrl);
    expect(overlay.layers).toEqual([]);
  });
});
