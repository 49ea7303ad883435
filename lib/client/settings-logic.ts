import {
  compatibleSettings,
  featuresConflict,
  supports,
  unsupportedReason,
  type Feature,
  type Settings,
} from "@/lib/kling/capabilities";
import type { Frames } from "@/lib/editor/document";
import { recipeFeatures } from "@/lib/kling/rules";
import { DURATIONS, MODES, type Duration, type Mode, type ModelName, type Recipe } from "@/lib/recipe/schema";
import { syncFrames } from "./frames";

/**
 * What the settings panel derives from the document: which features the content uses, which options
 * that makes impossible (with the reason in words), which content groups collide, and how to resolve
 * each. Pure, so every rule is unit-tested; the panel only renders it.
 */

/** The three groups Kling will not combine (kling-api.md §3.5). */
export type ContentGroup = "tailFrame" | "motionBrush" | "camera";

export const GROUP_LABEL: Record<ContentGroup, string> = {
  tailFrame: "tail frame",
  motionBrush: "motion brush",
  camera: "camera",
};

/** The capability features the content uses (frame ids taken from `frames`, the source of truth). */
export function contentFeatures(recipe: Recipe, frames: Frames): Feature[] {
  return recipeFeatures(syncFrames(recipe, frames));
}

const GROUP_OF: Record<Feature, ContentGroup | null> = {
  generation: null,
  tailFrame: "tailFrame",
  endOnly: "tailFrame",
  motionBrush: "motionBrush",
  camera: "camera",
};
const GROUP_ORDER: readonly ContentGroup[] = ["tailFrame", "motionBrush", "camera"];

export function contentGroups(features: readonly Feature[]): ContentGroup[] {
  const used = new Set(features.map((f) => GROUP_OF[f]));
  return GROUP_ORDER.filter((g) => used.has(g));
}

export function hasConflict(features: readonly Feature[]): boolean {
  return features.some((a) => features.some((b) => featuresConflict(a, b)));
}

export type OptionState = { disabled: boolean; reason: string | null };
const ENABLED: OptionState = { disabled: false, reason: null };

/**
 * An option is impossible when some feature the content uses works with none of the settings that
 * keep that option. Features are checked one at a time so a content collision (which no setting can
 * fix) does not grey out every option; the collision has its own notice.
 */
function optionState(features: readonly Feature[], candidates: Settings[], reasonAt: Settings): OptionState {
  for (const feature of features) {
    if (!candidates.some((s) => supports(feature, s.model, s.mode, s.duration))) {
      return { disabled: true, reason: unsupportedReason(feature, reasonAt.model, reasonAt.mode, reasonAt.duration) };
    }
  }
  return ENABLED;
}

export function modelOption(model: ModelName, features: readonly Feature[], current: Settings): OptionState {
  const candidates = MODES.flatMap((mode) => DURATIONS.map((duration) => ({ model, mode, duration })));
  return optionState(features, candidates, { ...current, model });
}

export function modeOption(mode: Mode, features: readonly Feature[], current: Settings): OptionState {
  const candidates = DURATIONS.map((duration) => ({ ...current, mode, duration }));
  return optionState(features, candidates, { ...current, mode });
}

export function durationOption(duration: Duration, features: readonly Feature[], current: Settings): OptionState {
  const candidates = MODES.map((mode) => ({ ...current, mode, duration }));
  return optionState(features, candidates, { ...current, duration });
}

/**
 * States for every value of one field. When no value works, the field is not what blocks the content
 * (the model is), so nothing is disabled there: greying out every choice would explain nothing.
 */
export function fieldOptions<T extends string>(values: readonly T[], state: (value: T) => OptionState): Record<T, OptionState> {
  const states = values.map((value) => [value, state(value)] as const);
  const allBlocked = states.every(([, s]) => s.disabled);
  return Object.fromEntries(states.map(([value, s]) => [value, allBlocked ? ENABLED : s])) as Record<T, OptionState>;
}

/** Reasons the current settings cannot carry the content, one sentence per feature. */
export function settingsIssues(features: readonly Feature[], current: Settings): string[] {
  return features.flatMap((feature) => {
    const reason = unsupportedReason(feature, current.model, current.mode, current.duration);
    return reason ? [reason] : [];
  });
}

const SETTING_LABEL = { model: "Model", mode: "Mode", duration: "Duration" } as const;

function describeValue(key: keyof Settings, value: string): string {
  return key === "duration" ? `${value} s` : value;
}

/** "Mode set to pro, Duration set to 5 s" — what a settings change altered besides the user's pick. */
export function describeChanges(from: Settings, to: Settings, except?: keyof Settings): string[] {
  return (Object.keys(SETTING_LABEL) as (keyof Settings)[])
    .filter((key) => key !== except && from[key] !== to[key])
    .map((key) => `${SETTING_LABEL[key]} set to ${describeValue(key, to[key])}`);
}

/**
 * Applies one setting the user picked. When the pick alone leaves the content unsupported but a
 * nearby mode/duration of the same pick works, those follow, and the changes are returned so the
 * panel can announce them (nothing changes silently).
 */
export function applySetting<K extends keyof Settings>(
  features: readonly Feature[],
  current: Settings,
  key: K,
  value: Settings[K],
): { settings: Settings; changes: string[] } {
  const picked: Settings = { ...current, [key]: value };
  if (hasConflict(features) || settingsIssues(features, picked).length === 0) return { settings: picked, changes: [] };
  const best = compatibleSettings(features.filter((f) => f !== "generation"), picked);
  if (!best || best[key] !== value || (key !== "model" && best.model !== picked.model)) return { settings: picked, changes: [] };
  return { settings: best, changes: describeChanges(picked, best, key) };
}

export type Resolution = { keep: ContentGroup; remove: ContentGroup[]; label: string };

function listWithAnd(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** One choice per colliding group: "Keep tail frame, remove motion brush and camera". */
export function conflictResolutions(groups: readonly ContentGroup[]): Resolution[] {
  if (groups.length < 2) return [];
  return groups.map((keep) => {
    const remove = groups.filter((g) => g !== keep);
    return { keep, remove, label: `Keep ${GROUP_LABEL[keep]}, remove ${listWithAnd(remove.map((g) => GROUP_LABEL[g]))}` };
  });
}

/** The recipe patch that drops the given groups. The editor clears the tail frame slot for `tailFrame`. */
export function removalPatch(remove: readonly ContentGroup[]): Partial<Recipe> {
  const patch: Partial<Recipe> = {};
  if (remove.includes("tailFrame")) patch.tailFrame = null;
  if (remove.includes("motionBrush")) {
    patch.staticMask = null;
    patch.regions = [];
  }
  if (remove.includes("camera")) patch.camera = null;
  return patch;
}

export function conflictSentence(groups: readonly ContentGroup[]): string {
  const names = groups.map((g) => GROUP_LABEL[g]);
  return `Kling cannot combine ${listWithAnd(names)} in one video. Choose what to keep.`;
}
