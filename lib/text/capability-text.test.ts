import { describe, expect, it } from "vitest";
import { FEATURES, unsupportedReason } from "@/lib/kling/capabilities";
import { DURATIONS, MODEL_NAMES, MODES } from "@/lib/recipe/schema";
import { requirementText, unsupportedText } from "./capability-text";
import { EN, ZH } from "./test-translators";

const SETTINGS = MODEL_NAMES.flatMap((model) => MODES.flatMap((mode) => DURATIONS.map((duration) => ({ model, mode, duration }))));

describe("unsupportedText", () => {
  it("says in English exactly what lib/kling/capabilities says, for every feature and setting", () => {
    for (const feature of FEATURES) {
      for (const s of SETTINGS) expect(unsupportedText(feature, s, EN)).toBe(unsupportedReason(feature, s.model, s.mode, s.duration));
    }
  });

  it("is null where Chinese has nothing to explain either", () => {
    for (const feature of FEATURES) {
      for (const s of SETTINGS) expect(unsupportedText(feature, s, ZH) === null).toBe(unsupportedReason(feature, s.model, s.mode, s.duration) === null);
    }
  });
});

describe("requirementText in Chinese", () => {
  it.each([
    ["motionBrush", "运动笔刷仅支持 kling-v1（标准或高品质）或kling-v1-5 高品质模式，时长 5 秒。"],
    ["camera", "运镜控制仅支持 kling-v1-5 高品质模式，时长 5 秒。"],
  ] as const)("%s", (feature, want) => {
    expect(requirementText(feature, ZH)).toBe(want);
  });

  it("names per-model durations when they differ", () => {
    const text = requirementText("tailFrame", ZH);
    expect(text).toMatch(/^首尾帧仅支持 kling-v1（标准或高品质，5 秒）、/);
    expect(text).not.toMatch(/[a-z]{3,} or |std|pro\b/);
  });
});
