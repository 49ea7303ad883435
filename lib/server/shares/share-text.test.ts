import { describe, expect, it } from "vitest";
import { recipeSchema, type Camera } from "@/lib/recipe/schema";
import { EN, ZH } from "@/lib/text/test-translators";
import { describeCamera, describeDirection, shareDescription, shareTitle } from "./share-text";

const region = { mask: { strokes: [{ op: "paint" as const, size: 10, points: [{ x: 1, y: 1 }] }] }, trajectory: [{ x: 1, y: 1 }, { x: 9, y: 9 }], easing: "linear" as const, name: "", curve: "straight" as const };
const base = recipeSchema.parse({ version: 1, provider: "preview", startFrame: "asset_abcdefgh", prompt: "a kite rises over the hill" });

describe("describeCamera", () => {
  it.each<[string, Camera | null, string | null]>([
    ["no camera", null, null],
    ["a preset", { type: "down_back" }, "Down and back"],
    ["one simple axis", { type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5 } }, "Zoom +5 wider view"],
    ["a negative axis", { type: "simple", config: { horizontal: -2.5, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0 } }, "Horizontal −2.5 left"],
    ["an all-zero simple config", { type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0 } }, null],
  ])("%s", (_name, camera, expected) => {
    expect(describeCamera(camera, EN)).toBe(expected);
  });
});

describe("describeDirection", () => {
  it.each<[string, Parameters<typeof describeDirection>[0], string]>([
    ["nothing", { regions: [], staticMask: null, camera: null, tailFrame: null }, ""],
    ["one region", { regions: [region], staticMask: null, camera: null, tailFrame: null }, "1 motion region"],
    ["regions and a static area", { regions: [region, region], staticMask: { strokes: [] }, camera: null, tailFrame: null }, "2 motion regions and a static area"],
    ["a camera and an end frame", { regions: [], staticMask: null, camera: { type: "forward_up" }, tailFrame: "asset_tail0000" }, "a camera move and an end frame"],
  ])("%s", (_name, recipe, expected) => {
    expect(describeDirection(recipe, EN)).toBe(expected);
  });
});

describe("shareTitle", () => {
  it("quotes the prompt only when it is shown", () => {
    expect(shareTitle(base, true, EN)).toBe("“a kite rises over the hill”");
    expect(shareTitle(base, false, EN)).not.toContain("kite");
  });

  it("falls back when the prompt is empty and shortens a long one", () => {
    expect(shareTitle({ prompt: "  " }, true, EN)).toBe("A still image, set in motion");
    const title = shareTitle({ prompt: "word ".repeat(100) }, true, EN);
    expect(title.length).toBeLessThanOrEqual(82);
    expect(title).toMatch(/…”$/);
  });
});

describe("shareDescription", () => {
  it("names the model, mode, duration and what was directed, never the prompt", () => {
    const text = shareDescription({ ...base, regions: [region] }, EN);
    expect(text).toBe("A 5 s video made from a still image with Motion Studio preview (kling-v1, std), directed with 1 motion region. Watch it, then remix it in Motion Studio.");
    expect(text).not.toContain("kite");
  });
});

describe("in Chinese", () => {
  it.each<[string, Camera, string]>([
    ["a preset", { type: "down_back" }, "下移拉远"],
    ["one simple axis", { type: "simple", config: { horizontal: 0, vertical: 0, pan: -2, tilt: 0, roll: 0, zoom: 0 } }, "水平摇镜 −2 向左"],
  ])("names the camera: %s", (_name, camera, expected) => {
    expect(describeCamera(camera, ZH)).toBe(expected);
  });

  it("says what was directed, the title and the description without English words", () => {
    const recipe = { ...base, regions: [region, region], staticMask: { strokes: [] }, camera: { type: "forward_up" as const } };
    expect(describeDirection(recipe, ZH)).toBe("2 个运动区域、静止区域和镜头运动");
    expect(shareTitle({ prompt: "" }, true, ZH)).toBe("一张静态图片，动了起来");
    expect(shareTitle(base, true, ZH)).toBe("“a kite rises over the hill”");
    const text = shareDescription({ ...base, regions: [region] }, ZH);
    expect(text).toBe("用 Motion Studio 预览引擎（kling-v1，std）将一张静态图片制作成 5 秒视频，设置了：1 个运动区域。观看后可在 Motion Studio 中二次创作。");
    expect(shareDescription(base, ZH)).not.toContain("设置了");
  });
});
