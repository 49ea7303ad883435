import { describe, expect, it } from "vitest";
import { emptyRecipe } from "@/lib/editor/document";
import { checkRecipe, type FrameSizes } from "@/lib/kling/rules";
import type { Recipe } from "@/lib/recipe/schema";
import { fieldLabel, issueText } from "./issue-text";
import { EN, ZH } from "./test-translators";

describe("fieldLabel", () => {
  it.each([
    ["startFrame", "Start frame", "起始帧"],
    ["regions[0].trajectory", "Region 1 trajectory", "区域 1 的轨迹"],
    ["regions[5].mask", "Region 6 mask", "区域 6 的蒙版"],
    ["regions[2]", "Region 3", "区域 3"],
    ["regions", "Motion brush", "运动笔刷"],
    ["camera.config", "Camera", "运镜"],
    ["camera.config.zoom", "Camera", "运镜"],
    ["negativePrompt", "Negative prompt", "负向提示词"],
    ["something.else", "something.else", "something.else"],
  ])("%s → %s / %s", (field, english, chinese) => {
    expect(fieldLabel(field, EN)).toBe(english);
    expect(fieldLabel(field, ZH)).toBe(chinese);
  });
});

describe("issueText in English: the server's sentence, fields named for people", () => {
  it.each([
    [{ field: "regions[0].trajectory", message: "regions[0].trajectory: needs at least 2 points" }, "Region 1 trajectory: needs at least 2 points"],
    [{ field: "tailFrame", message: "cannot be combined with camera control" }, "Tail frame: cannot be combined with camera control"],
    [{ message: "the server is busy" }, "The server is busy"],
    [{ field: "regions[0].trajectory", rule: "trajectory-too-short", message: "regions[0].trajectory: needs at least 2 points" }, "Region 1 trajectory: needs at least 2 points"],
  ])("%j", (issue, want) => {
    expect(issueText(issue, EN)).toBe(want);
  });
});

const frame = { width: 1920, height: 1080 };
const paint = { strokes: [{ op: "paint" as const, size: 40, points: [{ x: 200, y: 200 }] }] };
const region = (trajectory: { x: number; y: number }[]) => ({ mask: paint, trajectory, easing: "linear" as const, name: "", curve: "straight" as const });
const recipe = (patch: Partial<Recipe>): Recipe => ({ ...emptyRecipe(), startFrame: "start_12345678", model: "kling-v1", mode: "pro", duration: "5", ...patch });

/** Real issues from checkRecipe, so a change of wording in rules.ts that breaks the reading fails here. */
const CASES: Array<{ rule: string; recipe: Recipe; frames?: FrameSizes; zh: string }> = [
  { rule: "frame-required", recipe: recipe({ startFrame: null }), zh: "起始帧：需要起始帧或尾帧" },
  { rule: "image-too-small", recipe: recipe({}), frames: { start: { width: 200, height: 250 } }, zh: "起始帧：每边至少需要 300 像素（当前为 200×250）" },
  { rule: "image-aspect", recipe: recipe({}), frames: { start: { width: 3000, height: 1000 } }, zh: "起始帧：宽高比须在 1:2.5 到 2.5:1 之间（当前为 3000×1000）" },
  { rule: "features-exclusive", recipe: recipe({ regions: [region([{ x: 1, y: 1 }, { x: 9, y: 9 }])], camera: { type: "down_back" } }), frames: { start: frame }, zh: "运镜：不能与运动笔刷同时使用" },
  {
    rule: "feature-unsupported",
    recipe: recipe({ model: "kling-v2-1", regions: [region([{ x: 1, y: 1 }, { x: 9, y: 9 }])] }),
    frames: { start: frame },
    zh: "运动笔刷：仅支持 kling-v1（标准或高品质）或kling-v1-5 高品质模式，时长 5 秒",
  },
  { rule: "camera-one-axis", recipe: recipe({ model: "kling-v1-5", camera: { type: "simple", config: { horizontal: 0, vertical: 0, pan: 2, tilt: 0, roll: 0, zoom: 3 } } }), zh: "运镜：只能有一个轴不为零（当前为 水平摇镜和变焦）" },
  { rule: "camera-one-axis", recipe: recipe({ model: "kling-v1-5", camera: { type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0 } } }), zh: "运镜：请把其中一个轴设为非零值" },
  { rule: "trajectory-too-short", recipe: recipe({ regions: [region([{ x: 1, y: 1 }])] }), zh: "区域 1 的轨迹：至少需要 2 个点" },
  { rule: "trajectory-static", recipe: recipe({ regions: [region([{ x: 5, y: 5 }, { x: 5, y: 5 }])] }), zh: "区域 1 的轨迹：没有移动（所有点都在同一位置）" },
  {
    rule: "trajectory-outside-frame",
    recipe: recipe({ regions: [region([{ x: 5, y: 5 }, { x: 2500.5, y: 40 }])] }),
    frames: { start: frame },
    zh: "区域 1 的轨迹：点 1（2500.5, 40）超出了 1920×1080 的起始帧",
  },
  { rule: "region-mask-empty", recipe: recipe({ regions: [{ ...region([{ x: 1, y: 1 }, { x: 9, y: 9 }]), mask: { strokes: [] } }] }), zh: "区域 1 的蒙版：尚未涂抹，请涂抹需要运动的区域" },
  { rule: "mask-needs-start-frame", recipe: recipe({ startFrame: null, tailFrame: "tail_12345678", model: "kling-v1-5", staticMask: paint }), zh: "静态区域：需要起始帧（笔刷区域画在起始帧上）" },
  { rule: "text-too-long", recipe: recipe({ prompt: "x".repeat(2600) }), zh: "提示词：最多 2500 个字符（当前 2600 个）" },
];

describe("issueText in Chinese: translated by rule code, details read back from the message", () => {
  it.each(CASES)("$rule", ({ rule, recipe: r, frames, zh }) => {
    const issue = checkRecipe(r, frames).find((found) => found.rule === rule);
    expect(issue, `checkRecipe raises ${rule}`).toBeDefined();
    expect(issueText(issue!, ZH)).toBe(zh);
  });

  it("falls back to the English sentence when the code is unknown or the message has changed shape", () => {
    expect(issueText({ field: "prompt", rule: "brand-new-rule", message: "prompt: is too purple" }, ZH)).toBe("提示词：is too purple");
    expect(issueText({ field: "startFrame", rule: "image-too-small", message: "startFrame: way too small" }, ZH)).toBe("起始帧：way too small");
  });
});
