import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CAMERA_AXES } from "@/lib/recipe/schema";
import {
  ZERO_CAMERA_CONFIG,
  activeAxes,
  axisValueText,
  cameraChoice,
  cameraFor,
  normalizeAxisValue,
  resetMessage,
  setCameraAxis,
} from "./camera";
import { EN, ZH } from "./test-translators";

describe("setCameraAxis", () => {
  it("moving one axis resets the other non-zero one and reports it", () => {
    const { config, reset } = setCameraAxis({ ...ZERO_CAMERA_CONFIG, zoom: 5 }, "pan", -3);
    expect(config).toEqual({ ...ZERO_CAMERA_CONFIG, pan: -3 });
    expect(reset).toEqual(["zoom"]);
    expect(resetMessage(reset, EN)).toBe("Only one axis can move: Zoom was reset to 0");
    expect(resetMessage(reset, ZH)).toBe("每次只能调整一个轴：变焦已重置为 0");
  });

  it("moving the active axis resets nothing", () => {
    const { config, reset } = setCameraAxis({ ...ZERO_CAMERA_CONFIG, zoom: 5 }, "zoom", 2);
    expect(config.zoom).toBe(2);
    expect(reset).toEqual([]);
  });

  it("setting an axis to 0 leaves the others alone", () => {
    const start = { ...ZERO_CAMERA_CONFIG, roll: 4 };
    expect(setCameraAxis(start, "tilt", 0)).toEqual({ config: start, reset: [] });
  });

  it("always leaves at most one non-zero axis, within range and on the step", () => {
    const config = fc.record(Object.fromEntries(CAMERA_AXES.map((a) => [a, fc.integer({ min: -20, max: 20 }).map((n) => n / 2)])) as Record<
      (typeof CAMERA_AXES)[number],
      fc.Arbitrary<number>
    >);
    fc.assert(
      fc.property(config, fc.constantFrom(...CAMERA_AXES), fc.double({ min: -50, max: 50, noNaN: true }), (start, axis, value) => {
        const { config: out, reset } = setCameraAxis(start, axis, value);
        const nonZero = activeAxes(out);
        expect(nonZero.length).toBeLessThanOrEqual(out[axis] === 0 ? CAMERA_AXES.length : 1);
        expect(Math.abs(out[axis])).toBeLessThanOrEqual(10);
        expect(Number.isInteger(out[axis] * 2)).toBe(true);
        for (const other of reset) expect(out[other]).toBe(0);
      }),
    );
  });

  it("names several resets in one sentence", () => {
    expect(resetMessage(["pan", "roll", "zoom"], EN)).toBe("Only one axis can move: Pan, Roll and Zoom were reset to 0");
    expect(resetMessage(["pan", "roll", "zoom"], ZH)).toBe("每次只能调整一个轴：水平摇镜、旋转和变焦均已重置为 0");
    expect(resetMessage([], EN)).toBe("");
  });
});

describe("normalizeAxisValue and axisValueText", () => {
  it.each([
    [3.3, 3.5],
    [-12, -10],
    [11, 10],
    [-0.1, 0],
    [Number.NaN, 0],
  ])("%d → %d", (input, want) => {
    expect(normalizeAxisValue(input)).toBe(want);
    expect(Object.is(normalizeAxisValue(input), -0)).toBe(false);
  });

  it("says direction in words, following the CN reading of pan and tilt", () => {
    expect(axisValueText("pan", -2, EN)).toBe("−2 left");
    expect(axisValueText("tilt", 1.5, EN)).toBe("+1.5 up");
    expect(axisValueText("roll", 0, EN)).toBe("0");
  });

  it("says it in Chinese too, and every axis has both directions in English", () => {
    for (const axis of CAMERA_AXES) {
      expect(axisValueText(axis, -2.5, EN)).toMatch(/^−2\.5 \S/);
      expect(axisValueText(axis, 10, EN)).toMatch(/^\+10 \S/);
      expect(axisValueText(axis, 0, EN)).toBe("0");
    }
    expect(axisValueText("pan", -2, ZH)).toBe("−2 向左");
    expect(axisValueText("roll", 1.5, ZH)).toBe("+1.5 顺时针");
  });
});

describe("camera choice", () => {
  it("round-trips each choice", () => {
    expect(cameraChoice(null)).toBe("none");
    expect(cameraChoice({ type: "down_back" })).toBe("down_back");
    expect(cameraFor("forward_up", null, null)).toEqual({ type: "forward_up" });
    expect(cameraFor("none", { type: "down_back" }, null)).toBeNull();
  });

  it("switching back to Simple restores the last simple config", () => {
    const last = { ...ZERO_CAMERA_CONFIG, roll: 3 };
    expect(cameraFor("simple", { type: "down_back" }, last)).toEqual({ type: "simple", config: last });
    expect(cameraFor("simple", null, null)).toEqual({ type: "simple", config: ZERO_CAMERA_CONFIG });
  });
});
