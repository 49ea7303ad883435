import {
  CAMERA_AXES,
  type Camera,
  type CameraAxis,
  type CameraPreset,
  type SimpleCameraConfig,
} from "@/lib/recipe/schema";
import { joinList, type Translator } from "./translator";

/**
 * The camera panel's rules and words. Kling's `simple` camera takes exactly one non-zero axis
 * (kling-api.md §3.4), so moving one axis resets the others and the panel says which.
 * Pan and tilt follow the Chinese doc and film usage (§11 item 4): pan swings left/right, tilt
 * swings up/down.
 */

export const ZERO_CAMERA_CONFIG: SimpleCameraConfig = { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0 };

export const AXIS_MIN = -10;
export const AXIS_MAX = 10;
export const AXIS_STEP = 0.5;

/** Clamps to the contract's range and snaps to the slider step, so typed and dragged values agree. */
export function normalizeAxisValue(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const snapped = Math.round(value / AXIS_STEP) * AXIS_STEP;
  // `+ 0` turns -0 into 0 so readouts never show "-0".
  return Math.min(AXIS_MAX, Math.max(AXIS_MIN, snapped)) + 0;
}

/**
 * Sets one axis. Every other non-zero axis is reset to 0 and reported, so the caller can tell the
 * user what changed instead of dropping it silently.
 */
export function setCameraAxis(
  config: SimpleCameraConfig,
  axis: CameraAxis,
  value: number,
): { config: SimpleCameraConfig; reset: CameraAxis[] } {
  const next = normalizeAxisValue(value);
  const reset = next === 0 ? [] : CAMERA_AXES.filter((other) => other !== axis && config[other] !== 0);
  return { config: { ...(next === 0 ? config : ZERO_CAMERA_CONFIG), [axis]: next }, reset };
}

/** "Only one axis can move: Zoom was reset to 0" — the polite announcement after a reset. */
export function resetMessage(reset: readonly CameraAxis[], tr: Translator): string {
  if (reset.length === 0) return "";
  const names = joinList(reset.map((axis) => tr.t(`camera.axes.${axis}.label`)), "and", tr);
  return tr.t("camera.resetMessage", { names, count: reset.length });
}

export function activeAxes(config: SimpleCameraConfig): CameraAxis[] {
  return CAMERA_AXES.filter((axis) => config[axis] !== 0);
}

/** "+2.5 right", "−3 left", "0": the slider's readout and its aria-valuetext, in the UI's language. */
export function axisValueText(axis: CameraAxis, value: number, tr: Translator): string {
  if (value === 0) return "0";
  const magnitude = String(Math.abs(value));
  const direction = tr.t(`camera.axes.${axis}.${value > 0 ? "positive" : "negative"}`);
  return tr.t(value > 0 ? "camera.valuePositive" : "camera.valueNegative", { magnitude, direction });
}

export type CameraChoice = "none" | CameraPreset | "simple";

export function cameraChoice(camera: Camera | null): CameraChoice {
  if (!camera) return "none";
  return camera.type;
}

/** The camera a choice stands for, keeping the last simple config when switching back to Simple. */
export function cameraFor(choice: CameraChoice, current: Camera | null, lastSimple: SimpleCameraConfig | null): Camera | null {
  if (choice === "none") return null;
  if (choice === "simple") {
    if (current?.type === "simple") return current;
    return { type: "simple", config: lastSimple ?? ZERO_CAMERA_CONFIG };
  }
  return { type: choice };
}
