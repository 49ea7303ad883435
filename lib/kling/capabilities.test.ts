import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DURATIONS, MODEL_NAMES, MODES, type ModelName } from "@/lib/recipe/schema";
import {
  FEATURES,
  cameraTypeSupported,
  cfgScaleSupported,
  compatibleSettings,
  featureLabel,
  featuresConflict,
  outputSpec,
  silentOnly,
  soundSupported,
  soundUnsupportedReason,
  supports,
  unsupportedReason,
  type Feature,
  type Settings,
} from "./capabilities";

/**
 * §4 of shared/kling-api.md transcribed independently of the implementation's table.
 * Columns: std 5s, std 10s, pro 5s, pro 10s. "-" rows are omitted (= unsupported everywhere).
 */
const MAP: Record<ModelName, Partial<Record<Feature, string>>> = {
  "kling-v1": { generation: "✓✓✓✓", tailFrame: "✓-✓-", motionBrush: "✓-✓-" },
  "kling-v1-5": { generation: "✓✓✓✓", tailFrame: "--✓✓", endOnly: "--✓✓", motionBrush: "--✓-", camera: "--✓-" },
  "kling-v1-6": { generation: "✓✓✓✓", tailFrame: "--✓✓", endOnly: "--✓✓" },
  "kling-v2-master": { generation: "✓✓✓✓" },
  "kling-v2-1": { generation: "✓✓✓✓", tailFrame: "--✓✓" },
  "kling-v2-1-master": { generation: "✓✓✓✓" },
  "kling-v2-5-turbo": { generation: "✓✓✓✓", tailFrame: "--✓✓" },
  "kling-v2-6": { generation: "✓✓✓✓", tailFrame: "--✓✓" },
};

const COLUMNS = [
  ["std", "5"],
  ["std", "10"],
  ["pro", "5"],
  ["pro", "10"],
] as const;

const cells = MODEL_NAMES.flatMap((model) =>
  FEATURES.flatMap((feature) =>
    COLUMNS.map(([mode, duration], column) => ({ model, feature, mode, duration, expected: MAP[model][feature]?.[column] === "✓" })),
  ),
);

describe("capability table", () => {
  it.each(cells)("$feature on $model $mode $duration s → $expected", ({ model, feature, mode, duration, expected }) => {
    expect(supports(feature, model, mode, duration)).toBe(expected);
    expect(unsupportedReason(feature, model, mode, duration) === null).toBe(expected);
  });

  it("names exactly the offering models in the reason", () => {
    expect(unsupportedReason("motionBrush", "kling-v2-1", "pro", "5")).toBe("Motion brush needs kling-v1 (std or pro) or kling-v1-5 pro, at 5 s.");
    expect(unsupportedReason("camera", "kling-v1", "std", "5")).toBe("Camera control needs kling-v1-5 pro, at 5 s.");
    expect(unsupportedReason("endOnly", "kling-v1", "pro", "5")).toBe("An end frame without a start frame needs kling-v1-5 pro or kling-v1-6 pro.");
    expect(unsupportedReason("tailFrame", "kling-v1-5", "std", "5")).toBe(
      "Start and end frames need kling-v1 (std or pro, 5 s), kling-v1-5 pro, kling-v1-6 pro, kling-v2-1 pro, kling-v2-5-turbo pro or kling-v2-6 pro.",
    );
  });

  it("offers sound only on kling-v2-6 pro, and never with tail frames", () => {
    const offered = MODEL_NAMES.flatMap((model) => MODES.flatMap((mode) => DURATIONS.filter((d) => soundSupported(model, mode, d)).map((d) => `${model} ${mode} ${d}`)));
    expect(offered).toEqual(["kling-v2-6 pro 5", "kling-v2-6 pro 10"]);
    expect(soundUnsupportedReason("kling-v2-6", "std", "5")).toBe("Sound needs kling-v2-6 pro.");
    expect(FEATURES.filter(silentOnly)).toEqual(["tailFrame", "endOnly"]);
  });

  // Written out, not derived: kling-api.md §4 says the kling-v2.x models ignore cfg_scale.
  it.each([
    ["kling-v1", true],
    ["kling-v1-5", true],
    ["kling-v1-6", true],
    ["kling-v2-master", false],
    ["kling-v2-1", false],
    ["kling-v2-1-master", false],
    ["kling-v2-5-turbo", false],
    ["kling-v2-6", false],
  ] as const)("cfg_scale on %s: %s", (model, expected) => {
    expect(cfgScaleSupported(model)).toBe(expected);
  });

  // The decision in capabilities.ts: the API reference's presets as well as `simple`, nothing else.
  it.each([
    ["simple", true],
    ["down_back", true],
    ["forward_up", true],
    ["right_turn_forward", true],
    ["left_turn_forward", true],
    ["orbit", false],
    ["", false],
  ] as const)("camera_control.type %j on image2video: %s", (type, expected) => {
    expect(cameraTypeSupported(type)).toBe(expected);
  });

  it.each([
    ["tailFrame", "motionBrush", true],
    ["tailFrame", "camera", true],
    ["endOnly", "camera", true],
    ["motionBrush", "camera", true],
    ["tailFrame", "endOnly", false],
    ["generation", "camera", false],
    ["motionBrush", "motionBrush", false],
  ] as const)("%s vs %s conflict: %s", (a, b, expected) => {
    expect(featuresConflict(a, b)).toBe(expected);
    expect(featuresConflict(b, a)).toBe(expected);
  });

  it("labels every feature", () => {
    expect(FEATURES.map(featureLabel)).toEqual(["Video generation", "Start and end frames", "End frame only", "Motion brush", "Camera control"]);
  });
});

describe("compatibleSettings", () => {
  it.each([
    [["motionBrush"], { model: "kling-v1-5", mode: "std", duration: "10" }, { model: "kling-v1-5", mode: "pro", duration: "5" }],
    [["motionBrush"], { model: "kling-v1", mode: "std", duration: "10" }, { model: "kling-v1", mode: "std", duration: "5" }],
    [["tailFrame"], { model: "kling-v1-6", mode: "std", duration: "10" }, { model: "kling-v1-6", mode: "pro", duration: "10" }],
    [["camera"], { model: "kling-v2-6", mode: "std", duration: "10" }, { model: "kling-v1-5", mode: "pro", duration: "5" }],
    // Changing the model is the last resort; then the nearest model in the list keeps the mode.
    [["motionBrush"], { model: "kling-v1-6", mode: "std", duration: "5" }, { model: "kling-v1", mode: "std", duration: "5" }],
    [["endOnly"], { model: "kling-v2-1", mode: "pro", duration: "10" }, { model: "kling-v1-6", mode: "pro", duration: "10" }],
    [[], { model: "kling-v2-master", mode: "std", duration: "10" }, { model: "kling-v2-master", mode: "std", duration: "10" }],
  ] as Array<[Feature[], Settings, Settings]>)("%j from %j → %j", (features, current, expected) => {
    expect(compatibleSettings(features, current)).toEqual(expected);
  });

  it.each([[["tailFrame", "motionBrush"]], [["camera", "motionBrush"]], [["endOnly", "camera"]]] as Array<[Feature[]]>)("refuses the exclusive set %j", (features) => {
    expect(compatibleSettings(features, { model: "kling-v1", mode: "pro", duration: "5" })).toBeNull();
  });

  const settings = fc.record({ model: fc.constantFrom(...MODEL_NAMES), mode: fc.constantFrom(...MODES), duration: fc.constantFrom(...DURATIONS) });
  const features = fc.subarray([...FEATURES]);

  it("returns settings that allow every feature, and keeps the current ones when they already do", () => {
    fc.assert(
      fc.property(features, settings, (wanted, current) => {
        const result = compatibleSettings(wanted, current);
        const allowedNow = wanted.every((f) => supports(f, current.model, current.mode, current.duration));
        const exclusive = wanted.some((a) => wanted.some((b) => featuresConflict(a, b)));
        if (exclusive) return result === null;
        if (allowedNow) return JSON.stringify(result) === JSON.stringify(current);
        return result !== null && wanted.every((f) => supports(f, result.model, result.mode, result.duration));
      }),
    );
  });
});

describe("outputSpec", () => {
  it.each([
    ["kling-v1", "std", 720, 30],
    ["kling-v1", "pro", 720, 30],
    ["kling-v1-5", "std", 720, 30],
    ["kling-v1-5", "pro", 1080, 30],
    ["kling-v1-6", "pro", 1080, 30],
    ["kling-v2-master", "pro", 720, 24],
    ["kling-v2-1", "std", 720, 24],
    ["kling-v2-1", "pro", 1080, 24],
    ["kling-v2-1-master", "std", 1080, 24],
    ["kling-v2-5-turbo", "pro", 1080, 24],
    ["kling-v2-6", "std", 720, 24],
  ] as const)("%s %s → %ip %i fps", (model, mode, height, fps) => {
    expect(outputSpec(model, mode)).toEqual({ height, fps });
  });
});
