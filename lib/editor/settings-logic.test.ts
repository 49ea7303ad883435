import { describe, expect, it } from "vitest";
import { emptyRecipe } from "./document";
import type { Recipe } from "@/lib/recipe/schema";
import { requirementText } from "@/lib/text/capability-text";
import {
  applySetting,
  changeText,
  conflictResolutions,
  conflictText,
  contentFeatures,
  contentGroups,
  durationOption,
  fieldOptions,
  hasConflict,
  modeOption,
  modelOption,
  removalPatch,
  resolutionText,
  settingsIssues,
} from "./settings-logic";
import { EN, ZH } from "@/lib/text/test-translators";

const region = { mask: { strokes: [{ op: "paint" as const, size: 10, points: [{ x: 1, y: 1 }] }] }, trajectory: [], easing: "linear" as const, name: "", curve: "straight" as const };
const recipe = (patch: Partial<Recipe> = {}): Recipe => ({ ...emptyRecipe(), ...patch });
const frame = (assetId: string) => ({ assetId, width: 1920, height: 1080, url: `/api/assets/${assetId}` });
const both = { start: frame("start_123456"), tail: frame("tail_1234567") };
const startOnly = { start: frame("start_123456"), tail: null };

describe("content features and groups", () => {
  it.each([
    { name: "plain start frame", r: recipe(), frames: startOnly, features: ["generation"] },
    { name: "start + tail", r: recipe(), frames: both, features: ["generation", "tailFrame"] },
    { name: "tail only", r: recipe(), frames: { start: null, tail: frame("tail_1234567") }, features: ["generation", "endOnly"] },
    { name: "a region", r: recipe({ regions: [region] }), frames: startOnly, features: ["generation", "motionBrush"] },
    { name: "static mask only", r: recipe({ staticMask: region.mask }), frames: startOnly, features: ["generation", "motionBrush"] },
    { name: "erase-only static mask is not a brush", r: recipe({ staticMask: { strokes: [{ ...region.mask.strokes[0]!, op: "erase" }] } }), frames: startOnly, features: ["generation"] },
    { name: "camera", r: recipe({ camera: { type: "down_back" } }), frames: startOnly, features: ["generation", "camera"] },
  ])("$name", ({ r, frames, features }) => {
    expect(contentFeatures(r, frames)).toEqual(features);
  });

  it("detects the three-way collision", () => {
    const r = recipe({ regions: [region], camera: { type: "down_back" } });
    expect(contentGroups(contentFeatures(r, both))).toEqual(["tailFrame", "motionBrush", "camera"]);
    expect(hasConflict(contentFeatures(r, both))).toBe(true);
    expect(hasConflict(contentFeatures(r, startOnly))).toBe(true);
    expect(hasConflict(contentFeatures(recipe({ regions: [region] }), startOnly))).toBe(false);
  });
});

describe("option states", () => {
  const brush = contentFeatures(recipe({ regions: [region] }), startOnly);
  const current = { model: "kling-v1-5", mode: "pro", duration: "5" } as const;

  it("disables models that have no motion brush, with the reason in words", () => {
    const state = modelOption("kling-v2-1", brush);
    expect(state).toEqual({ disabled: true, blockedBy: "motionBrush" });
    expect(requirementText(state.blockedBy ?? "generation", EN)).toMatch(/^Motion brush needs/);
    expect(modelOption("kling-v1", brush)).toEqual({ disabled: false, blockedBy: null });
  });

  it("disables std on kling-v1-5 for motion brush, and 10 s everywhere for it", () => {
    expect(modeOption("std", brush, current).disabled).toBe(true);
    expect(modeOption("pro", brush, current).disabled).toBe(false);
    expect(durationOption("10", brush, current).disabled).toBe(true);
    expect(durationOption("5", brush, current).disabled).toBe(false);
  });

  it("does not grey out everything when the content itself collides", () => {
    const clash = contentFeatures(recipe({ regions: [region], camera: { type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5 } } }), startOnly);
    expect(modeOption("pro", clash, current).disabled).toBe(false);
  });

  it("does not disable every value of a field that cannot help", () => {
    const camera = contentFeatures(recipe({ camera: { type: "down_back" } }), startOnly);
    const onV1 = { model: "kling-v1", mode: "std", duration: "5" } as const;
    expect(modeOption("pro", camera, onV1).disabled).toBe(true);
    expect(fieldOptions(["std", "pro"], (mode) => modeOption(mode, camera, onV1))).toEqual({
      std: { disabled: false, blockedBy: null },
      pro: { disabled: false, blockedBy: null },
    });
    const brush = contentFeatures(recipe({ regions: [region] }), startOnly);
    expect(fieldOptions(["5", "10"], (d) => durationOption(d, brush, onV1))["10"].disabled).toBe(true);
  });

  it("lists why the current settings fail", () => {
    expect(settingsIssues(brush, { model: "kling-v2-1", mode: "pro", duration: "5" })).toEqual(["motionBrush"]);
    expect(settingsIssues(brush, current)).toEqual([]);
  });
});

describe("applySetting", () => {
  const brush = contentFeatures(recipe({ regions: [region] }), startOnly);

  it("picking kling-v1-5 with motion brush also switches std to pro, and says so", () => {
    const out = applySetting(brush, { model: "kling-v1", mode: "std", duration: "5" }, "model", "kling-v1-5");
    expect(out.settings).toEqual({ model: "kling-v1-5", mode: "pro", duration: "5" });
    expect(out.changes).toEqual([{ key: "mode", value: "pro" }]);
    expect(out.changes.map((change) => changeText(change, EN))).toEqual(["Mode set to pro"]);
    expect(out.changes.map((change) => changeText(change, ZH))).toEqual(["模式已改为“高品质”"]);
  });

  it("says a duration change with its unit", () => {
    expect(changeText({ key: "duration", value: "5" }, EN)).toBe("Duration set to 5 s");
    expect(changeText({ key: "duration", value: "10" }, ZH)).toBe("时长已改为“10 秒”");
  });

  it("a pick that needs nothing else changes nothing else", () => {
    const out = applySetting(["generation"], { model: "kling-v1", mode: "std", duration: "5" }, "duration", "10");
    expect(out).toEqual({ settings: { model: "kling-v1", mode: "std", duration: "10" }, changes: [] });
  });

  it("never swaps the model behind a mode pick", () => {
    const out = applySetting(brush, { model: "kling-v1-5", mode: "pro", duration: "5" }, "mode", "std");
    expect(out.settings.model).toBe("kling-v1-5");
    expect(out.settings.mode).toBe("std");
    expect(out.changes).toEqual([]);
  });
});

describe("conflict resolutions", () => {
  it("offers one choice per group, naming what goes", () => {
    expect(conflictResolutions(["tailFrame", "motionBrush"]).map((r) => resolutionText(r, EN))).toEqual([
      "Keep tail frame, remove motion brush",
      "Keep motion brush, remove tail frame",
    ]);
    const three = conflictResolutions(["tailFrame", "motionBrush", "camera"])[0];
    expect(three).toEqual({ keep: "tailFrame", remove: ["motionBrush", "camera"] });
    expect(resolutionText(three!, EN)).toBe("Keep tail frame, remove motion brush and camera");
    expect(resolutionText(three!, ZH)).toBe("保留尾帧，移除运动笔刷和运镜");
    expect(conflictResolutions(["camera"])).toEqual([]);
  });

  it("names the collision in one sentence", () => {
    expect(conflictText(["tailFrame", "camera"], EN)).toBe("Kling cannot combine tail frame and camera in one video. Choose what to keep.");
    expect(conflictText(["tailFrame", "camera"], ZH)).toBe("可灵无法在同一个视频中同时使用尾帧和运镜。请选择要保留的内容。");
  });

  it("patches exactly the removed groups", () => {
    expect(removalPatch(["motionBrush"])).toEqual({ staticMask: null, regions: [] });
    expect(removalPatch(["tailFrame", "camera"])).toEqual({ tailFrame: null, camera: null });
  });
});
