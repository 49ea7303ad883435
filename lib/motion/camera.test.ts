import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAMERA_AXES, CAMERA_PRESETS, type SimpleCameraConfig } from "@/lib/recipe/schema";
import { CAMERA_PRESET_CONFIGS, cameraConfig, cameraPose, cameraRamp, focalLength, IDENTITY_POSE, poseMatrix } from "./camera";
import { affineAt, invert, multiply, transformPoint } from "./matrix";

const SIZE = { width: 1280, height: 720 };
const CENTRE = { x: 640, y: 360 };
const ZERO: SimpleCameraConfig = { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0 };
const endMatrix = (config: Partial<SimpleCameraConfig>) => poseMatrix(cameraPose({ ...ZERO, ...config }, 1), SIZE);
const at = (config: Partial<SimpleCameraConfig>, x: number, y: number) => transformPoint(endMatrix(config), x, y);
const tan10 = Math.tan((10 * Math.PI) / 180);

describe("cameraConfig", () => {
  it("resolves presets and fills missing simple axes with 0", () => {
    expect(cameraConfig({ type: "down_back" })).toEqual(CAMERA_PRESET_CONFIGS.down_back);
    expect(cameraConfig({ type: "simple", config: { roll: 3 } })).toEqual({ ...ZERO, roll: 3 });
  });
});

describe("cameraRamp", () => {
  it("goes from nothing to everything, never backwards", () => {
    expect(cameraRamp(0)).toBe(0);
    expect(cameraRamp(1)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        expect(cameraRamp(Math.min(a, b))).toBeLessThanOrEqual(cameraRamp(Math.max(a, b)));
      }),
    );
  });
});

describe("poseMatrix", () => {
  it("does nothing at t = 0, whatever the camera", () => {
    for (const axis of CAMERA_AXES) {
      expect(cameraPose({ ...ZERO, [axis]: 10 }, 0)).toEqual(IDENTITY_POSE);
    }
    const p = transformPoint(poseMatrix(IDENTITY_POSE, SIZE), 123, 456);
    expect(p.x).toBeCloseTo(123, 9);
    expect(p.y).toBeCloseTo(456, 9);
  });

  // [axis value, point, where it is seen at the end of the clip]
  it.each<[string, Partial<SimpleCameraConfig>, [number, number], [number, number]]>([
    ["camera right: the picture slides left by 25 % of the width", { horizontal: 10 }, [640, 360], [320, 360]],
    ["camera left: the picture slides right", { horizontal: -10 }, [640, 360], [960, 360]],
    ["camera up: the picture slides down by 25 % of the height", { vertical: 10 }, [640, 360], [640, 540]],
    ["camera down: the picture slides up", { vertical: -4 }, [640, 360], [640, 288]],
    ["zoom + (wider view): the picture shrinks 1.5× about the centre", { zoom: 10 }, [790, 360], [740, 360]],
    ["zoom − (closer): the picture grows 1.5×", { zoom: -10 }, [640, 460], [640, 510]],
    ["pan right: the centre swings left by f·tan 10°", { pan: 10 }, [640, 360], [640 - focalLength(SIZE) * tan10, 360]],
    ["tilt up: the centre swings down", { tilt: 10 }, [640, 360], [640, 360 + focalLength(SIZE) * tan10]],
    ["roll +: a point right of the centre turns clockwise (down) by 15°", { roll: 10 }, [740, 360], [640 + 100 * Math.cos(Math.PI / 12), 360 + 100 * Math.sin(Math.PI / 12)]],
    ["roll −: counter-clockwise (up)", { roll: -10 }, [740, 360], [640 + 100 * Math.cos(Math.PI / 12), 360 - 100 * Math.sin(Math.PI / 12)]],
  ])("%s", (_, config, [x, y], [ex, ey]) => {
    const p = at(config, x, y);
    expect(p.x).toBeCloseTo(ex, 6);
    expect(p.y).toBeCloseTo(ey, 6);
  });

  it("keystones a pan: the side the camera turns toward gets shorter", () => {
    const height = (x: number) => at({ pan: 10 }, x, 620).y - at({ pan: 10 }, x, 100).y;
    expect(height(1180)).toBeLessThan(height(100));
    expect(height(1180)).toBeLessThan(520);
  });

  it("keeps the centre in place under roll and zoom", () => {
    for (const config of [{ roll: 7 }, { zoom: -3 }, { zoom: 8 }]) {
      const p = at(config, CENTRE.x, CENTRE.y);
      expect(p.x).toBeCloseTo(CENTRE.x, 9);
      expect(p.y).toBeCloseTo(CENTRE.y, 9);
    }
  });

  it("is invertible for every camera at every moment", () => {
    const axis = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(fc.record({ horizontal: axis, vertical: axis, pan: axis, tilt: axis, roll: axis, zoom: axis }), fc.double({ min: 0, max: 1, noNaN: true }), (config, t) => {
        const m = poseMatrix(cameraPose(config, t), SIZE);
        const round = multiply(invert(m), m);
        const p = transformPoint(round, 200, 500);
        expect(p.x).toBeCloseTo(200, 6);
        expect(p.y).toBeCloseTo(500, 6);
      }),
    );
  });

  it("scales with the frame: the same camera moves a point by the same fraction at any resolution", () => {
    const small = { width: 640, height: 360 };
    for (const preset of CAMERA_PRESETS) {
      const pose = cameraPose(cameraConfig({ type: preset }), 0.7);
      const big = transformPoint(poseMatrix(pose, SIZE), 300, 200);
      const half = transformPoint(poseMatrix(pose, small), 150, 100);
      expect(half.x * 2).toBeCloseTo(big.x, 6);
      expect(half.y * 2).toBeCloseTo(big.y, 6);
    }
  });
});

describe("presets", () => {
  const scaleAt = (m: Float64Array) => (transformPoint(m, CENTRE.x + 100, CENTRE.y).x - transformPoint(m, CENTRE.x - 100, CENTRE.y).x) / 200;

  it.each([
    ["down_back", "up", "smaller"],
    ["forward_up", "down", "larger"],
  ] as const)("%s moves the picture %s and makes it %s", (preset, direction, size) => {
    const m = poseMatrix(cameraPose(cameraConfig({ type: preset }), 1), SIZE);
    const centre = transformPoint(m, CENTRE.x, CENTRE.y);
    expect(centre.y < CENTRE.y ? "up" : "down").toBe(direction);
    expect(scaleAt(m) < 1 ? "smaller" : "larger").toBe(size);
  });

  it.each([
    ["right_turn_forward", "left"],
    ["left_turn_forward", "right"],
  ] as const)("%s swings the picture %s while pushing in", (preset, direction) => {
    const m = poseMatrix(cameraPose(cameraConfig({ type: preset }), 1), SIZE);
    expect(transformPoint(m, CENTRE.x, CENTRE.y).x < CENTRE.x ? "left" : "right").toBe(direction);
    expect(scaleAt(m)).toBeGreaterThan(1);
  });
});

describe("affineAt", () => {
  it("is the matrix itself when there is no perspective", () => {
    const m = endMatrix({ roll: 4 });
    const [a, b, c, d, e, f] = affineAt(m, CENTRE.x, CENTRE.y);
    const p = { x: a * 100 + c * 50 + e, y: b * 100 + d * 50 + f };
    const q = transformPoint(m, 100, 50);
    expect(p.x).toBeCloseTo(q.x, 6);
    expect(p.y).toBeCloseTo(q.y, 6);
  });

  it("agrees with a pan at the point it is taken and close to it", () => {
    const m = endMatrix({ pan: 8 });
    const [a, b, c, d, e, f] = affineAt(m, CENTRE.x, CENTRE.y);
    const affine = (x: number, y: number) => ({ x: a * x + c * y + e, y: b * x + d * y + f });
    expect(affine(CENTRE.x, CENTRE.y).x).toBeCloseTo(transformPoint(m, CENTRE.x, CENTRE.y).x, 6);
    const near = transformPoint(m, CENTRE.x + 5, CENTRE.y + 5);
    expect(Math.abs(affine(CENTRE.x + 5, CENTRE.y + 5).x - near.x)).toBeLessThan(0.05);
  });
});
