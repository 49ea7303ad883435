/**
 * The motion model: where everything is at normalised time t ∈ [0, 1] (t = seconds / duration). Cheap
 * (no pixels), so a canvas can move whole layers with it every animation frame; the per-pixel
 * compositor (compositor.ts) draws exactly these positions into RGBA buffers for the engine's MP4.
 *
 * Preview assumptions beyond those of camera.ts and timed-path.ts:
 * - Layers, bottom to top: the start frame with the regions' vacated areas filled from the texture
 *   around them (fill.ts), except on the static mask, whose pixels never move and so never show a
 *   fill; then the regions (in request order, later on top) with a FEATHER_PX soft outer edge. A
 *   region passes in front of static areas: the static mask pins pixels, it does not hide moving ones
 *   (what Kling does with a path into the static mask is the editor's warning, see warnings.ts);
 *   then the camera over the whole composed frame, then the cross-dissolve to the tail frame.
 * - A vacated area fades in over the first HOLE_FADE_PX of its region's travel, so t = 0 is exactly
 *   the start frame and a region that does not move leaves no hole.
 * - With a tail frame, the picture dissolves into it from TAIL_FADE_START of the clip (smoothstep), so
 *   the last frame is exactly the tail frame. With only a tail frame ("end only"), the camera pulls
 *   back by AMBIENT_PUSH and lands exactly on it.
 * - With no camera and no motion brush, Kling lets the model choose the motion; the preview shows a
 *   slow push-in of AMBIENT_PUSH (8 %).
 */
import type { Size } from "@/lib/geometry/types";
import { cameraConfig, cameraPose, cameraRamp, IDENTITY_POSE, isIdentityPose, poseMatrix, type CameraInput, type CameraPose } from "./camera";
import type { Mat3 } from "./matrix";
import { positionInto, type TimedPath } from "./timed-path";

export const AMBIENT_PUSH = 0.08;
export const TAIL_FADE_START = 0.35;
export const HOLE_FADE_PX = 1;

/** What moves, in one pixel space (the frame's pixels in the editor, the output's in the engine). */
export type MotionScene = {
  size: Size;
  /** One timed path per dynamic region, in request order. */
  regions: readonly TimedPath[];
  camera: CameraInput | null;
  hasStart: boolean;
  hasTail: boolean;
  hasStaticMask: boolean;
};

export type RegionState = {
  /** Shift of the region's pixels from where they are in the start frame. */
  dx: number;
  dy: number;
  /** How much of the vacated area shows the fill (0..1). */
  hole: number;
};

export type MotionState = {
  regions: RegionState[];
  camera: CameraPose;
  /** Forward camera map: composed picture → screen, continuous top-left pixels (see camera.ts). */
  matrix: Mat3;
  /** Opacity of the tail frame over everything else. */
  tailWeight: number;
  /** The picture the layers are cut from: the start frame, or the tail frame when there is no start. */
  source: "start" | "tail" | "none";
};

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** Normalised time of frame `index` of `frames`: the first frame is t = 0, the last t = 1. */
export function frameTime(index: number, frames: number): number {
  return frames > 1 ? index / (frames - 1) : 0;
}

/** Weight of the tail frame at time t: 0 until TAIL_FADE_START, exactly 1 at the end. */
export function tailWeight(t: number): number {
  const x = clamp01((t - TAIL_FADE_START) / (1 - TAIL_FADE_START));
  return x * x * (3 - 2 * x);
}

export function holeWeight(dx: number, dy: number): number {
  return Math.min(1, Math.hypot(dx, dy) / HOLE_FADE_PX);
}

/** The camera pose at t, including the ambient push-in / pull-back when nothing else moves. */
export function cameraPoseAt(scene: MotionScene, t: number): CameraPose {
  if (scene.camera) return cameraPose(cameraConfig(scene.camera), t);
  const brush = scene.regions.length > 0 || scene.hasStaticMask;
  if (scene.hasStart && !brush) return { ...IDENTITY_POSE, zoom: 1 + AMBIENT_PUSH * cameraRamp(t) };
  if (!scene.hasStart && scene.hasTail) return { ...IDENTITY_POSE, zoom: 1 + AMBIENT_PUSH * cameraRamp(1 - t) };
  return { ...IDENTITY_POSE };
}

/**
 * Whether the camera moves at all in this scene (a camera with a non-zero axis, or the ambient push):
 * then every frame is resampled whole; otherwise a frame costs a copy and the regions' boxes. Every
 * move ramps in, so mid-clip is never still when anything moves.
 */
export function movesCamera(scene: MotionScene): boolean {
  return !isIdentityPose(cameraPoseAt(scene, 0.5));
}

// Scratch for one position: the per-frame path allocates nothing (one thread per module instance).
const at = new Float64Array(2);

/** Writes region i's shift at time t into out[2i], out[2i + 1]. No allocation. */
export function regionOffsetsInto(scene: MotionScene, t: number, out: Float64Array): void {
  scene.regions.forEach((path, i) => {
    positionInto(path, t, at);
    out[2 * i] = at[0]! - path.xs[0]!;
    out[2 * i + 1] = at[1]! - path.ys[0]!;
  });
}

/** Everything at normalised time t, for drawing layers (no per-pixel work). */
export function motionAt(scene: MotionScene, t: number): MotionState {
  const offsets = new Float64Array(scene.regions.length * 2);
  regionOffsetsInto(scene, t, offsets);
  const camera = cameraPoseAt(scene, t);
  return {
    regions: scene.regions.map((_, i) => {
      const dx = offsets[2 * i]!;
      const dy = offsets[2 * i + 1]!;
      return { dx, dy, hole: holeWeight(dx, dy) };
    }),
    camera,
    matrix: poseMatrix(camera, scene.size),
    tailWeight: scene.hasStart && scene.hasTail ? tailWeight(t) : 0,
    source: scene.hasStart ? "start" : scene.hasTail ? "tail" : "none",
  };
}
