import { compatibleSettings, featuresConflict, supports, type Feature, type Settings } from "@/lib/kling/capabilities";
import type { Frames } from "./document";
import { recipeFeatures } from "@/lib/kling/rules";
import { DURATIONS, MODES, type Duration, type Mode, type ModelName, type Recipe } from "@/lib/recipe/schema";
import { syncFrames } from "./frames";
import { joinList, type Translator } from "@/lib/text/translator";

/**
 * What the settings panel derives from the document: which features the content uses, which options
 * that makes impossible (and which feature is to blame), which content groups collide, and how to
 * resolve each. Pure, so every rule is unit-tested; the panel only renders it. The few sentences are
 * built with a Translator (catalogue `notices.*`); the reasons themselves come from capability-text.
 */

/** The three groups Kling will not combine (kling-api.md §3.5). */
export type ContentGroup = "tailFrame" | "motionBrush" | "camera";

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

/** `blockedBy`: the feature of the content that no setting keeping this option supports. */
export type OptionState = { disabled: boolean; blockedBy: Feature | null };
const ENABLED: OptionState = { disabled: false, blockedBy: null };

/**
 * An option is impossible when some feature the content uses works with none of the settings that
 * keep that option. Features are checked one at a time so a content collision (which no setting can
 * fix) does not grey out every option; the collision has its own notice.
 */
function optionState(features: readonly Feature[], candidates: Settings[]): OptionState {
  const blockedBy = features.find((feature) => !candidates.some((s) => supports(feature, s.model, s.mode, s.duration)));
  return blockedBy ? { disabled: true, blockedBy } : ENABLED;
}

export function modelOption(model: ModelName, features: readonly Feature[]): OptionState {
  return optionState(features, MODES.flatMap((mode) => DURATIONS.map((duration) => ({ model, mode, duration }))));
}

export function modeOption(mode: Mode, features: readonly Feature[], current: Settings): OptionState {
  return optionState(features, DURATIONS.map((duration) => ({ ...current, mode, duration })));
}

export function durationOption(duration: Duration, features: readonly Feature[], current: Settings): OptionState {
  return optionState(features, MODES.map((mode) => ({ ...current, mode, duration })));
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

/** The features the current settings cannot carry (the panel says why, one sentence each). */
export function settingsIssues(features: readonly Feature[], current: Settings): Feature[] {
  return features.filter((feature) => !supports(feature, current.model, current.mode, current.duration));
}

const SETTING_KEYS: readonly (keyof Settings)[] = ["model", "mode", "duration"];

/** One setting a change altered besides the user's pick. */
export type SettingChange = { [K in keyof Settings]: { key: K; value: Settings[K] } }[keyof Settings];

export function describeChanges(from: Settings, to: Settings, except?: keyof Settings): SettingChange[] {
  return SETTING_KEYS.filter((key) => key !== except && from[key] !== to[key]).map((key) => ({ key, value: to[key] }) as SettingChange);
}

/** A setting's value as the panel shows it: "pro", "5 s" (localised mode and unit). */
export function settingValueText(change: SettingChange, tr: Translator): string {
  if (change.key === "duration") return tr.t("settings.seconds", { seconds: change.value });
  if (change.key === "mode") return tr.t(`modes.${change.value}`);
  return change.value;
}

/** "Mode set to pro" — the announcement of a change the panel made on its own. */
export function changeText(change: SettingChange, tr: Translator): string {
  return tr.t("notices.setTo", { setting: tr.t(`settings.${change.key}`), value: settingValueText(change, tr) });
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
): { settings: Settings; changes: SettingChange[] } {
  const picked: Settings = { ...current, [key]: value };
  if (hasConflict(features) || settingsIssues(features, picked).length === 0) return { settings: picked, changes: [] };
  const best = compatibleSettings(features.filter((f) => f !== "generation"), picked);
  if (!best || best[key] !== value || (key !== "model" && best.model !== picked.model)) return { settings: picked, changes: [] };
  return { settings: best, changes: describeChanges(picked, best, key) };
}

export type Resolution = { keep: ContentGroup; remove: ContentGroup[] };

/** One choice per colliding group. */
export function conflictResolutions(groups: readonly ContentGroup[]): Resolution[] {
  if (groups.length < 2) return [];
  return groups.map((keep) => ({ keep, remove: groups.filter((g) => g !== keep) }));
}

function groupList(groups: readonly ContentGroup[], tr: Translator): string {
  return joinList(groups.map((g) => tr.t(`notices.groups.${g}`)), "and", tr);
}

/** "Keep tail frame, remove motion brush and camera". */
export function resolutionText(resolution: Resolution, tr: Translator): string {
  return tr.t("notices.keepRemove", { keep: tr.t(`notices.groups.${resolution.keep}`), remove: groupList(resolution.remove, tr) });
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

export function conflictText(groups: readonly ContentGroup[], tr: Translator): string {
  return tr.t("notices.conflict", { groups: groupList(groups, tr) });
}
