/**
 * The camera of the preview: Kling's `simple` axes and the four presets as one projective transform
 * of the whole composed frame.
 *
 * Preview assumptions (Kling documents directions, not magnitudes; kling-api.md §2, §11 item 4):
 * - Every axis ramps in over the clip with an ease-in-out: nothing at t = 0, the full value at t = 1.
 * - Axis values are camera moves; the picture moves the opposite way, as through a real lens.
 *   `horizontal` ±10 slides the camera by 25 % of the frame width (+ right, so the picture slides
 *   left); `vertical` ±10 by 25 % of the height (+ up, so the picture slides down).
 * - `pan` swings the camera left/right about the vertical axis and `tilt` down/up about the
 *   horizontal axis (the Chinese doc's reading, as in the editor's camera panel), ±10 = 10°. They are
 *   true rotations of a pinhole camera with a 60° field of view across the frame's longer side, so the
 *   picture shifts and is keystoned (the side the camera turns toward shrinks).
 * - `roll` ±10 turns the picture by 15° about its centre, + clockwise on screen (the editor's
 *   "rotates the picture" wording).
 * - `zoom` ±10 scales the picture about its centre by 1.5×: − longer focal length (closer, picture
 *   grows), + wider view (picture shrinks; what comes into view beyond the edges is the picture
 *   mirrored, see warp.ts).
 * - Presets are combinations of those axes (CAMERA_PRESET_CONFIGS), ramped the same way.
 */
import type { Size } from "@/lib/geometry/types";
import type { CameraPreset, SimpleCameraConfig } from "@/lib/recipe/schema";
import { multiply, type Mat3 } from "./matrix";

export const TRANSLATE_FRACTION_AT_10 = 0.25;
export const PAN_TILT_DEGREES_AT_10 = 10;
export const ROLL_DEGREES_AT_10 = 15;
export const ZOOM_FACTOR_AT_10 = 1.5;
export const FIELD_OF_VIEW_DEGREES = 60;

/**
 * Presets as axis values. Kling shows no numbers, only names; these read the names literally:
 * down_back sinks and pulls back, forward_up pushes in and rises, the turns pan while pushing in.
 */
export const CAMERA_PRESET_CONFIGS: Record<CameraPreset, SimpleCameraConfig> = {
  down_back: { horizontal: 0, vertical: -5, pan: 0, tilt: 0, roll: 0, zoom: 6 },
  forward_up: { horizontal: 0, vertical: 5, pan: 0, tilt: 0, roll: 0, zoom: -6 },
  right_turn_forward: { horizontal: 0, vertical: 0, pan: 6, tilt: 0, roll: 0, zoom: -4 },
  left_turn_forward: { horizontal: 0, vertical: 0, pan: -6, tilt: 0, roll: 0, zoom: -4 },
};

/** A recipe camera or a Kling `camera_control` (whose config axes are optional). */
export type CameraInput = { type: "simple" | CameraPreset; config?: Partial<SimpleCameraConfig> };

/** The camera at one moment: camera moves (see the header) and the resulting picture scale. */
export type CameraPose = {
  /** Camera slide, fraction of the frame width, + right. */
  shiftX: number;
  /** Camera slide, fraction of the frame height, + up. */
  shiftY: number;
  /** Radians, + the camera turns right. */
  yaw: number;
  /** Radians, + the camera tilts up. */
  pitch: number;
  /** Radians, + the picture turns clockwise. */
  roll: number;
  /** Picture scale about the centre; > 1 is closer. */
  zoom: number;
};

export const IDENTITY_POSE: Readonly<CameraPose> = { shiftX: 0, shiftY: 0, yaw: 0, pitch: 0, roll: 0, zoom: 1 };

const DEG = Math.PI / 180;

/** The six axes of any camera input, presets resolved, missing axes 0. */
export function cameraConfig(camera: CameraInput): SimpleCameraConfig {
  if (camera.type !== "simple") return CAMERA_PRESET_CONFIGS[camera.type];
  const { horizontal = 0, vertical = 0, pan = 0, tilt = 0, roll = 0, zoom = 0 } = camera.config ?? {};
  return { horizontal, vertical, pan, tilt, roll, zoom };
}

/** How much of the camera move is done at normalised time t: 0 → 1, easing in and out. */
export function cameraRamp(t: number): number {
  return 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, t)));
}

/** The pose at normalised time t. */
export function cameraPose(config: SimpleCameraConfig, t: number): CameraPose {
  const k = cameraRamp(t) / 10;
  return {
    shiftX: config.horizontal * k * TRANSLATE_FRACTION_AT_10,
    shiftY: config.vertical * k * TRANSLATE_FRACTION_AT_10,
    yaw: config.pan * k * PAN_TILT_DEGREES_AT_10 * DEG,
    pitch: config.tilt * k * PAN_TILT_DEGREES_AT_10 * DEG,
    roll: config.roll * k * ROLL_DEGREES_AT_10 * DEG,
    zoom: ZOOM_FACTOR_AT_10 ** (-config.zoom * k),
  };
}

export function isIdentityPose(pose: CameraPose): boolean {
  return pose.shiftX === 0 && pose.shiftY === 0 && pose.yaw === 0 && pose.pitch === 0 && pose.roll === 0 && pose.zoom === 1;
}

/** Focal length in pixels of the assumed pinhole camera for a frame of this size. */
export function focalLength(size: Size): number {
  return Math.max(size.width, size.height) / 2 / Math.tan((FIELD_OF_VIEW_DEGREES / 2) * DEG);
}

// Scratch space: the per-frame path allocates nothing (one thread per module instance).
const step = new Float64Array(9);

/**
 * The forward map of a pose for a frame of `size`: picture coordinates at t = 0 → where they appear
 * on screen, both in continuous top-left pixels (a pixel's centre is at index + 0.5). Applied in this
 * order: slide, swing (pan/tilt), roll, zoom, all about the frame's centre.
 */
export function poseMatrix(pose: CameraPose, size: Size, out: Mat3 = new Float64Array(9)): Mat3 {
  const cx = size.width / 2;
  const cy = size.height / 2;
  const f = focalLength(size);
  // Centre, then slide: the picture moves against the camera (y grows downward).
  out.set([1, 0, -cx - pose.shiftX * size.width, 0, 1, -cy + pose.shiftY * size.height, 0, 0, 1]);
  // Swing: K · Rpitch · Ryaw · K⁻¹ with K = diag(f, f, 1), written out.
  const cy0 = Math.cos(pose.yaw);
  const sy0 = Math.sin(pose.yaw);
  const cp = Math.cos(pose.pitch);
  const sp = Math.sin(pose.pitch);
  step.set([cy0, 0, -sy0 * f, sp * sy0, cp, sp * cy0 * f, (cp * sy0) / f, -sp / f, cp * cy0]);
  multiply(step, out, out);
  // Roll then zoom, in one step: z · rotation.
  const z = pose.zoom;
  const cr = Math.cos(pose.roll) * z;
  const sr = Math.sin(pose.roll) * z;
  step.set([cr, -sr, 0, sr, cr, 0, 0, 0, 1]);
  multiply(step, out, out);
  // Back to top-left pixels.
  step.set([1, 0, cx, 0, 1, cy, 0, 0, 1]);
  return multiply(step, out, out);
}
