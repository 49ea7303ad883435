import { CAMERA_AXES, MAX_TEXT_LENGTH, isEmptyMask, type CameraAxis, type Recipe } from "@/lib/recipe/schema";
import {
  cameraTypeSupported,
  featuresConflict,
  silentOnly,
  soundUnsupportedReason,
  unsupportedReason,
  type Feature,
  type Settings,
} from "./capabilities";
import { ASPECT_RANGE_TEXT, MAX_ASPECT, MAX_TRAJECTORY_POINTS, MIN_ASPECT, MIN_IMAGE_SIDE, MIN_TRAJECTORY_POINTS } from "./contract";
import { type KlingCreateRequest } from "./wire-schema";

/**
 * The rules of shared/kling-api.md §3 and §4, written once over a neutral summary of "what the request
 * uses" that is derived either from a motion recipe (field names in recipe terms, for the form and the
 * server's 422) or from a Kling body (Kling field names, for the preview engine's 1201).
 *
 * A static mask without any region is allowed: §2 makes `dynamic_masks` optional, so "keep these areas
 * still, let the model animate the rest" is a valid motion-brush request. It still counts as the motion
 * brush for capabilities and exclusivity. An empty static mask (nothing painted) is ignored, not an error.
 */

export type RuleIssue = { field: string; rule: string; message: string };
export type FrameSize = { width: number; height: number };
export type FrameSizes = { start?: FrameSize | null; tail?: FrameSize | null };

type Point = { x: number; y: number };

type FieldNames = {
  model: string;
  start: string;
  tail: string;
  staticMask: string;
  regions: string;
  regionMask: (index: number) => string;
  regionTrajectory: (index: number) => string;
  camera: string;
  cameraType: string;
  cameraConfig: string;
  prompt: string;
  negativePrompt: string;
  sound: string;
  voices: string;
};

/** What a request uses, independent of how it is spelled. */
type MotionUse = {
  names: FieldNames;
  settings: Settings;
  hasStart: boolean;
  hasTail: boolean;
  hasStaticMask: boolean;
  regions: ReadonlyArray<{ maskEmpty: boolean; trajectory: readonly Point[] }>;
  /** Recipes may hold long paths (the builder resamples to ≤ 77); a Kling body may not. */
  maxTrajectoryPoints: number;
  camera: { type: string; config: Partial<Record<CameraAxis, number>> | undefined } | null;
  prompt: string;
  negativePrompt: string;
  sound: boolean;
  voiceCount: number;
};

const RECIPE_NAMES: FieldNames = {
  model: "model",
  start: "startFrame",
  tail: "tailFrame",
  staticMask: "staticMask",
  regions: "regions",
  regionMask: (i) => `regions[${i}].mask`,
  regionTrajectory: (i) => `regions[${i}].trajectory`,
  camera: "camera",
  cameraType: "camera.type",
  cameraConfig: "camera.config",
  prompt: "prompt",
  negativePrompt: "negativePrompt",
  sound: "sound",
  voices: "voices",
};

const KLING_NAMES: FieldNames = {
  model: "model_name",
  start: "image",
  tail: "image_tail",
  staticMask: "static_mask",
  regions: "dynamic_masks",
  regionMask: (i) => `dynamic_masks[${i}].mask`,
  regionTrajectory: (i) => `dynamic_masks[${i}].trajectories`,
  camera: "camera_control",
  cameraType: "camera_control.type",
  cameraConfig: "camera_control.config",
  prompt: "prompt",
  negativePrompt: "negative_prompt",
  sound: "sound",
  voices: "voice_list",
};

function issue(field: string, rule: string, text: string): RuleIssue {
  return { field, rule, message: `${field}: ${text}` };
}

/** A capability sentence ("Motion brush needs …, at 5 s.") as the tail of an issue message. */
function asClause(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\.$/, "");
}

function featuresUsed(use: MotionUse): Feature[] {
  const features: Feature[] = ["generation"];
  if (use.hasTail) features.push(use.hasStart ? "tailFrame" : "endOnly");
  if (use.camera) features.push("camera");
  if (use.hasStaticMask || use.regions.length > 0) features.push("motionBrush");
  return features;
}

function featureField(feature: Feature, use: MotionUse): string {
  const { names } = use;
  switch (feature) {
    case "generation":
      return names.model;
    case "tailFrame":
    case "endOnly":
      return names.tail;
    case "camera":
      return names.camera;
    case "motionBrush":
      return use.regions.length > 0 ? names.regions : names.staticMask;
  }
}

const CONFLICT_PHRASE: Record<Feature, string> = {
  generation: "plain generation",
  tailFrame: "a tail frame",
  endOnly: "a tail frame",
  camera: "camera control",
  motionBrush: "the motion brush",
};

function checkFeatures(use: MotionUse): RuleIssue[] {
  const { model, mode, duration } = use.settings;
  const used = featuresUsed(use);
  const conflicts = used.flatMap((a, i) =>
    used.slice(i + 1).flatMap((b) =>
      featuresConflict(a, b) ? [issue(featureField(a, use), "features-exclusive", `cannot be combined with ${CONFLICT_PHRASE[b]}`)] : [],
    ),
  );
  const unsupported = used.flatMap((feature) => {
    const reason = unsupportedReason(feature, model, mode, duration);
    return reason ? [issue(featureField(feature, use), "feature-unsupported", asClause(reason))] : [];
  });
  return [...conflicts, ...unsupported];
}

function checkFrames(use: MotionUse, frames: FrameSizes | undefined): RuleIssue[] {
  const { names } = use;
  if (!use.hasStart && !use.hasTail) return [issue(names.start, "frame-required", "a start frame or a tail frame is required")];
  const sized: Array<[string, FrameSize | null | undefined]> = [
    [names.start, use.hasStart ? frames?.start : null],
    [names.tail, use.hasTail ? frames?.tail : null],
  ];
  return sized.flatMap(([field, size]) => {
    if (!size) return [];
    const found: RuleIssue[] = [];
    if (Math.min(size.width, size.height) < MIN_IMAGE_SIDE) {
      found.push(issue(field, "image-too-small", `must be at least ${MIN_IMAGE_SIDE} px on each side (got ${size.width}×${size.height})`));
    }
    const ratio = size.width / size.height;
    if (!(ratio >= MIN_ASPECT && ratio <= MAX_ASPECT)) {
      found.push(issue(field, "image-aspect", `aspect ratio must be between ${ASPECT_RANGE_TEXT} (got ${size.width}×${size.height})`));
    }
    return found;
  });
}

function checkCamera(use: MotionUse): RuleIssue[] {
  const { camera, names } = use;
  if (!camera) return [];
  const found = cameraTypeSupported(camera.type)
    ? []
    : [issue(names.cameraType, "camera-preset-unsupported", `the ${camera.type} preset is not available for image-to-video; use a simple move on one axis`)];
  if (camera.type !== "simple") {
    if (camera.config) found.push(issue(names.cameraConfig, "camera-config-forbidden", "must be omitted for preset camera types"));
    return found;
  }
  if (!camera.config) return [...found, issue(names.cameraConfig, "camera-config-required", "is required when the camera type is simple")];
  const { config } = camera;
  const moving = CAMERA_AXES.filter((axis) => (config[axis] ?? 0) !== 0);
  if (moving.length === 1) return found;
  const detail = moving.length === 0 ? "set one axis to a non-zero value" : `exactly one axis may be non-zero (got ${moving.join(", ")})`;
  return [...found, issue(names.cameraConfig, "camera-one-axis", detail)];
}

function isInside(point: Point, size: FrameSize): boolean {
  return point.x >= 0 && point.y >= 0 && point.x <= size.width && point.y <= size.height;
}

function checkTrajectory(field: string, trajectory: readonly Point[], max: number, frame: FrameSize | null | undefined): RuleIssue[] {
  if (trajectory.length < MIN_TRAJECTORY_POINTS) {
    return [issue(field, "trajectory-too-short", `needs at least ${MIN_TRAJECTORY_POINTS} points`)];
  }
  const found: RuleIssue[] = [];
  if (trajectory.length > max) found.push(issue(field, "trajectory-too-long", `may have at most ${max} points`));
  const [first] = trajectory;
  if (first && trajectory.every((p) => p.x === first.x && p.y === first.y)) {
    found.push(issue(field, "trajectory-static", "does not move (all points are the same)"));
  }
  const outside = frame ? trajectory.findIndex((p) => !isInside(p, frame)) : -1;
  if (frame && outside >= 0) {
    const p = trajectory[outside];
    found.push(issue(field, "trajectory-outside-frame", `point ${outside} (${p?.x}, ${p?.y}) lies outside the ${frame.width}×${frame.height} start frame`));
  }
  return found;
}

function checkMasks(use: MotionUse, frames: FrameSizes | undefined): RuleIssue[] {
  const { names } = use;
  const found: RuleIssue[] = [];
  const needsStart = "needs a start frame (masks are drawn on it)";
  if (use.hasStaticMask && !use.hasStart) found.push(issue(names.staticMask, "mask-needs-start-frame", needsStart));
  use.regions.forEach((region, i) => {
    if (region.maskEmpty) found.push(issue(names.regionMask(i), "region-mask-empty", "paints nothing; paint the area that should move"));
    else if (!use.hasStart) found.push(issue(names.regionMask(i), "mask-needs-start-frame", needsStart));
    found.push(...checkTrajectory(names.regionTrajectory(i), region.trajectory, use.maxTrajectoryPoints, use.hasStart ? frames?.start : null));
  });
  return found;
}

function checkText(use: MotionUse): RuleIssue[] {
  const texts: Array<[string, string]> = [
    [use.names.prompt, use.prompt],
    [use.names.negativePrompt, use.negativePrompt],
  ];
  return texts.flatMap(([field, value]) =>
    value.length > MAX_TEXT_LENGTH ? [issue(field, "text-too-long", `must be at most ${MAX_TEXT_LENGTH} characters (got ${value.length})`)] : [],
  );
}

function checkSound(use: MotionUse): RuleIssue[] {
  const { names, settings } = use;
  const found: RuleIssue[] = [];
  if (use.voiceCount > 0 && !use.sound) found.push(issue(names.voices, "voices-need-sound", 'needs sound "on"'));
  if (!use.sound) return found;
  const reason = soundUnsupportedReason(settings.model, settings.mode, settings.duration);
  if (reason) found.push(issue(names.sound, "sound-unsupported", asClause(reason)));
  if (featuresUsed(use).some(silentOnly)) found.push(issue(names.tail, "sound-silent-only", 'tail frames are silent only; set sound to "off"'));
  return found;
}

function check(use: MotionUse, frames: FrameSizes | undefined): RuleIssue[] {
  return [...checkFrames(use, frames), ...checkFeatures(use), ...checkCamera(use), ...checkMasks(use, frames), ...checkText(use), ...checkSound(use)];
}

function recipeUse(recipe: Recipe): MotionUse {
  return {
    names: RECIPE_NAMES,
    settings: { model: recipe.model, mode: recipe.mode, duration: recipe.duration },
    hasStart: recipe.startFrame !== null,
    hasTail: recipe.tailFrame !== null,
    hasStaticMask: !isEmptyMask(recipe.staticMask),
    regions: recipe.regions.map((region) => ({ maskEmpty: isEmptyMask(region.mask), trajectory: region.trajectory })),
    maxTrajectoryPoints: Number.POSITIVE_INFINITY,
    camera: recipe.camera ? { type: recipe.camera.type, config: "config" in recipe.camera ? recipe.camera.config : undefined } : null,
    prompt: recipe.prompt,
    negativePrompt: recipe.negativePrompt,
    sound: false,
    voiceCount: 0,
  };
}

/** Kling reads an empty string as "not given"; the legacy `model` field behaves as kling-v1 (§2). */
function klingUse(body: KlingCreateRequest): MotionUse {
  return {
    names: KLING_NAMES,
    settings: { model: body.model_name ?? "kling-v1", mode: body.mode ?? "std", duration: body.duration ?? "5" },
    hasStart: Boolean(body.image),
    hasTail: Boolean(body.image_tail),
    hasStaticMask: Boolean(body.static_mask),
    regions: (body.dynamic_masks ?? []).map((group) => ({ maskEmpty: !group.mask, trajectory: group.trajectories })),
    maxTrajectoryPoints: MAX_TRAJECTORY_POINTS,
    camera: body.camera_control ? { type: body.camera_control.type, config: body.camera_control.config } : null,
    prompt: body.prompt ?? "",
    negativePrompt: body.negative_prompt ?? "",
    sound: body.sound === "on",
    voiceCount: body.voice_list?.length ?? 0,
  };
}

/** The features a recipe uses, e.g. for the editor's "make compatible" button (compatibleSettings). */
export function recipeFeatures(recipe: Recipe): Feature[] {
  return featuresUsed(recipeUse(recipe));
}

/**
 * Every rule a recipe breaks, with field paths in recipe terms. `frames` (decoded sizes of the start and
 * tail frames) enables the image-size rules and the "trajectory inside the frame" rule. cfgScale on a
 * kling-v2 model is not an issue: the builder drops it.
 */
export function checkRecipe(recipe: Recipe, frames?: FrameSizes): RuleIssue[] {
  return check(recipeUse(recipe), frames);
}

/** The same rules on a Kling body (Kling field names), for the preview engine's 1201 answers. */
export function checkKlingBody(body: KlingCreateRequest, frames?: FrameSizes): RuleIssue[] {
  return check(klingUse(body), frames);
}
