import { CAMERA_PRESETS, DURATIONS, MODEL_NAMES, MODES, type Duration, type ModelName, type Mode } from "@/lib/recipe/schema";

/*
 * The image2video capability map (shared/kling-api.md §4, from Kling's official skills map) as ONE
 * table, read by the editor (disable with a reason), the server validator (422) and the preview engine
 * (1201).
 *
 * Decision — camera control: image2video camera control is granted to kling-v1-5 pro 5 s only (the one
 * cell of the official map that has it; kling-v1 camera control exists only under text2video, §11
 * item 2). Types: the map's cell notes "`simple` only", but the image2video API reference itself lists
 * the four presets for `camera_control.type` and says their config must be omitted. We follow the API
 * reference and accept presets on that combination, and the editor tells the creator that the map
 * lists only `simple`. To follow the map strictly, shorten CAMERA_TYPES_FOR_IMAGE2VIDEO to ["simple"]:
 * the form, the server and the preview engine all read it.
 */

/** "tailFrame" = start + end frames; "endOnly" = image_tail without image; "camera" = camera_control. */
export const FEATURES = ["generation", "tailFrame", "endOnly", "motionBrush", "camera"] as const;
export type Feature = (typeof FEATURES)[number];

export type Settings = { model: ModelName; mode: Mode; duration: Duration };
type Combo = `${Mode}-${Duration}`;
type Capability = Feature | "sound";

const ALL: readonly Combo[] = ["std-5", "std-10", "pro-5", "pro-10"];
const PRO: readonly Combo[] = ["pro-5", "pro-10"];

/** model → capability → the mode/duration combos where it works. A missing entry means "nowhere". */
const TABLE: Record<ModelName, Partial<Record<Capability, readonly Combo[]>>> = {
  "kling-v1": { generation: ALL, tailFrame: ["std-5", "pro-5"], motionBrush: ["std-5", "pro-5"] },
  "kling-v1-5": { generation: ALL, tailFrame: PRO, endOnly: PRO, motionBrush: ["pro-5"], camera: ["pro-5"] },
  "kling-v1-6": { generation: ALL, tailFrame: PRO, endOnly: PRO },
  // The map shows the master models without a std/pro split; both modes are accepted (§11 item 16).
  "kling-v2-master": { generation: ALL },
  "kling-v2-1": { generation: ALL, tailFrame: PRO },
  "kling-v2-1-master": { generation: ALL },
  "kling-v2-5-turbo": { generation: ALL, tailFrame: PRO },
  // kling-v2-6: std is silent only, start+end frames are silent only (see SILENT_ONLY_FEATURES).
  "kling-v2-6": { generation: ALL, tailFrame: PRO, sound: PRO },
};

export const CAMERA_TYPES_FOR_IMAGE2VIDEO: readonly string[] = ["simple", ...CAMERA_PRESETS];

/** Whether image2video accepts this camera_control.type (see the decision above). */
export function cameraTypeSupported(type: string): boolean {
  return CAMERA_TYPES_FOR_IMAGE2VIDEO.includes(type);
}

/** Features that may not be used with `sound: "on"` even where sound is offered (§4, kling-v2-6). */
const SILENT_ONLY_FEATURES: readonly Feature[] = ["tailFrame", "endOnly"];

/** Mutually exclusive groups (§3.5): image_tail vs motion brush vs camera control. */
const EXCLUSIVE_GROUP: Record<Feature, string | null> = {
  generation: null,
  tailFrame: "frames",
  endOnly: "frames",
  motionBrush: "brush",
  camera: "camera",
};

const LABELS: Record<Feature, string> = {
  generation: "Video generation",
  tailFrame: "Start and end frames",
  endOnly: "End frame only",
  motionBrush: "Motion brush",
  camera: "Camera control",
};

const REQUIREMENT_SUBJECT: Record<Capability, string> = {
  generation: "Video generation needs",
  tailFrame: "Start and end frames need",
  endOnly: "An end frame without a start frame needs",
  motionBrush: "Motion brush needs",
  camera: "Camera control needs",
  sound: "Sound needs",
};

function allows(capability: Capability, model: ModelName, mode: Mode, duration: Duration): boolean {
  return TABLE[model][capability]?.includes(`${mode}-${duration}`) ?? false;
}

export function supports(feature: Feature, model: ModelName, mode: Mode, duration: Duration): boolean {
  return allows(feature, model, mode, duration);
}

export function soundSupported(model: ModelName, mode: Mode, duration: Duration): boolean {
  return allows("sound", model, mode, duration);
}

export function silentOnly(feature: Feature): boolean {
  return SILENT_ONLY_FEATURES.includes(feature);
}

export function featureLabel(feature: Feature): string {
  return LABELS[feature];
}

/** cfg_scale is documented as unsupported on every kling-v2.x model; the builder drops it there. */
export function cfgScaleSupported(model: ModelName): boolean {
  return !model.startsWith("kling-v2");
}

/** True when two features cannot be used in the same request, whatever the settings. */
export function featuresConflict(a: Feature, b: Feature): boolean {
  const groupA = EXCLUSIVE_GROUP[a];
  const groupB = EXCLUSIVE_GROUP[b];
  return groupA !== null && groupB !== null && groupA !== groupB;
}

function listWithOr(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

function modesOf(combos: readonly Combo[]): Mode[] {
  return MODES.filter((mode) => combos.some((combo) => combo.startsWith(`${mode}-`)));
}

function durationsOf(combos: readonly Combo[]): Duration[] {
  return DURATIONS.filter((duration) => combos.some((combo) => combo.endsWith(`-${duration}`)));
}

function describeDurations(durations: Duration[]): string | null {
  return durations.length === DURATIONS.length ? null : `${durations.join(" or ")} s`;
}

/** "kling-v1 (std or pro)", "kling-v1-5 pro", "kling-v1 (std or pro, 5 s)" */
function describeModel(model: ModelName, combos: readonly Combo[], withDuration: boolean): string {
  const modes = modesOf(combos);
  const modeText = modes.length === MODES.length ? "std or pro" : modes.join(" or ");
  const durationText = withDuration ? describeDurations(durationsOf(combos)) : null;
  if (modes.length === MODES.length || durationText) return `${model} (${[modeText, durationText].filter(Boolean).join(", ")})`;
  return `${model} ${modeText}`;
}

/** One sentence naming every model/mode/duration that offers the capability. */
function requirementSentence(capability: Capability): string {
  const offering = MODEL_NAMES.flatMap((model) => {
    const combos = TABLE[model][capability];
    return combos?.length ? [{ model, combos }] : [];
  });
  const durationSets = new Set(offering.map(({ combos }) => durationsOf(combos).join("+")));
  const shared = durationSets.size === 1 ? describeDurations(durationsOf(offering[0]?.combos ?? [])) : null;
  const models = offering.map(({ model, combos }) => describeModel(model, combos, durationSets.size > 1));
  return `${REQUIREMENT_SUBJECT[capability]} ${listWithOr(models)}${shared ? `, at ${shared}` : ""}.`;
}

/** A creator-friendly sentence saying why the feature is unavailable, or null when it is available. */
export function unsupportedReason(feature: Feature, model: ModelName, mode: Mode, duration: Duration): string | null {
  if (supports(feature, model, mode, duration)) return null;
  return requirementSentence(feature);
}

export function soundUnsupportedReason(model: ModelName, mode: Mode, duration: Duration): string | null {
  if (soundSupported(model, mode, duration)) return null;
  return requirementSentence("sound");
}

const SETTINGS: readonly Settings[] = MODEL_NAMES.flatMap((model) =>
  MODES.flatMap((mode) => DURATIONS.map((duration) => ({ model, mode, duration }))),
);

/**
 * The settings closest to `current` under which every requested feature is available: keeping the
 * model matters most, then the mode, then the duration; among other models the nearest in the model
 * list wins. Null when no settings allow the features together (including mutually exclusive ones).
 */
export function compatibleSettings(features: readonly Feature[], current: Settings): Settings | null {
  const conflict = features.some((a) => features.some((b) => featuresConflict(a, b)));
  if (conflict) return null;
  const wanted: Feature[] = ["generation", ...features];
  const modelIndex = (model: ModelName) => MODEL_NAMES.indexOf(model);
  const cost = (s: Settings): number[] => [
    Number(s.model !== current.model),
    Number(s.mode !== current.mode),
    Number(s.duration !== current.duration),
    Math.abs(modelIndex(s.model) - modelIndex(current.model)),
    modelIndex(s.model),
  ];
  const candidates = SETTINGS.filter((s) => wanted.every((feature) => supports(feature, s.model, s.mode, s.duration)));
  const compare = (a: number[], b: number[]) => a.reduce((out, value, i) => out || value - (b[i] ?? 0), 0);
  const best = candidates.map((s) => ({ s, c: cost(s) })).sort((a, b) => compare(a.c, b.c))[0];
  return best ? { ...best.s } : null;
}

export type OutputSpec = { height: 720 | 1080; fps: 24 | 30 };

/**
 * Output resolution and frame rate (§4 last paragraph). The map gives kling-v2-5-turbo only for pro
 * and says nothing of kling-v2-6; both are assumed to follow kling-v2-1 (std 720p, pro 1080p, 24 fps).
 */
export function outputSpec(model: ModelName, mode: Mode): OutputSpec {
  switch (model) {
    case "kling-v1":
      return { height: 720, fps: 30 };
    case "kling-v1-5":
    case "kling-v1-6":
      return { height: mode === "pro" ? 1080 : 720, fps: 30 };
    case "kling-v2-master":
      return { height: 720, fps: 24 };
    case "kling-v2-1-master":
      return { height: 1080, fps: 24 };
    case "kling-v2-1":
    case "kling-v2-5-turbo":
    case "kling-v2-6":
      return { height: mode === "pro" ? 1080 : 720, fps: 24 };
  }
}
