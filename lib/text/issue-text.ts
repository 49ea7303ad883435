import type { Feature } from "@/lib/kling/capabilities";
import { MIN_TRAJECTORY_POINTS } from "@/lib/kling/contract";
import { MIN_IMAGE_SIDE } from "@/lib/kling/contract";
import { CAMERA_AXES, MAX_TEXT_LENGTH, type CameraAxis } from "@/lib/recipe/schema";
import { offerText } from "./capability-text";
import { joinList, showsServerText, type MessageValues, type Translator } from "./translator";

/**
 * Rule issues and server errors name fields by JSON path ("regions[2].trajectory: needs at least 2
 * points"); creators know them as "Region 3 trajectory". This turns one into the other, and, outside
 * English, translates the issue by its rule code (catalogue `rules.*`) with the details read back from
 * the English message. Pure.
 */

/** Field path → `fields.*` key. */
const FIELD_KEYS: Record<string, string> = {
  startFrame: "startFrame",
  tailFrame: "tailFrame",
  staticMask: "staticMask",
  regions: "regions",
  camera: "camera",
  "camera.type": "camera",
  "camera.config": "camera",
  prompt: "prompt",
  negativePrompt: "negativePrompt",
  model: "model",
  mode: "mode",
  duration: "duration",
  cfgScale: "cfgScale",
  provider: "provider",
  file: "file",
};

const REGION_FIELD = /^regions\[(\d+)\](?:\.(mask|trajectory))?/;

export function fieldLabel(field: string, tr: Translator): string {
  const region = REGION_FIELD.exec(field);
  if (region) return tr.t(`fields.region.${region[2] ?? "self"}`, { n: Number(region[1]) + 1 });
  const key = FIELD_KEYS[field] ?? FIELD_KEYS[field.split(/[.[]/)[0] ?? field];
  return key ? tr.t(`fields.${key}`) : field;
}

function capitalise(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export type IssueLike = { field?: string; rule?: string; message: string };

/** "regions[0].trajectory: needs at least 2 points" → "Region 1 trajectory: needs at least 2 points". */
function labelledMessage({ field, message }: IssueLike, tr: Translator): string {
  if (field && message.startsWith(`${field}: `)) return tr.t("fields.labelled", { field: fieldLabel(field, tr), text: message.slice(field.length + 2) });
  if (field) return tr.t("fields.labelled", { field: fieldLabel(field, tr), text: message });
  return capitalise(message);
}

type Extract = (message: string, field: string, tr: Translator) => MessageValues | null;

const gotSize: Extract = (message) => {
  const m = /got (\d+)×(\d+)/.exec(message);
  return m ? { width: m[1] ?? "", height: m[2] ?? "" } : null;
};

const CONFLICT_GROUP: Record<string, string> = { "a tail frame": "tailFrame", "camera control": "camera", "the motion brush": "motionBrush" };

function featureOfField(field: string, message: string): Feature | null {
  if (field === "model") return "generation";
  if (field === "tailFrame") return /without a start frame/.test(message) ? "endOnly" : "tailFrame";
  if (field === "regions" || field === "staticMask") return "motionBrush";
  if (field === "camera") return "camera";
  return null;
}

function axisLabels(list: string, tr: Translator): string | null {
  const axes = list.split(/,\s*/);
  if (!axes.every((axis): axis is CameraAxis => (CAMERA_AXES as readonly string[]).includes(axis))) return null;
  return joinList(axes.map((axis) => tr.t(`camera.axes.${axis}.label`)), "and", tr);
}

/**
 * The details each rule's message carries (lib/kling/rules.ts writes them), as ICU values. Null when
 * the message no longer has the expected shape: the caller then shows the English message.
 */
const EXTRACT: Partial<Record<string, Extract>> = {
  "image-too-small": (message, field, tr) => {
    const size = gotSize(message, field, tr);
    return size && { ...size, min: String(MIN_IMAGE_SIDE) };
  },
  "image-aspect": gotSize,
  "features-exclusive": (message, _field, tr) => {
    const group = CONFLICT_GROUP[/cannot be combined with (.+)$/.exec(message)?.[1] ?? ""];
    return group ? { other: tr.t(`notices.groups.${group}`) } : null;
  },
  "feature-unsupported": (message, field) => {
    const feature = featureOfField(field, message);
    return feature && { feature };
  },
  "camera-preset-unsupported": (message, _field, tr) => {
    const preset = /the (\S+) preset/.exec(message)?.[1];
    if (!preset) return null;
    return { preset: tr.has(`camera.presets.${preset}.label`) ? tr.t(`camera.presets.${preset}.label`) : preset };
  },
  "camera-one-axis": (message, _field, tr) => {
    if (/set one axis/.test(message)) return { count: 0, axes: "" };
    const list = /\(got ([a-z, ]+)\)/.exec(message)?.[1];
    const axes = list ? axisLabels(list, tr) : null;
    return list && axes ? { count: list.split(",").length, axes } : null;
  },
  "trajectory-too-short": () => ({ min: String(MIN_TRAJECTORY_POINTS) }),
  "trajectory-too-long": (message) => {
    const max = /at most (\d+)/.exec(message)?.[1];
    return max ? { max } : null;
  },
  "trajectory-outside-frame": (message) => {
    const m = /point (\d+) \(([^,]+), ([^)]+)\) lies outside the (\d+)×(\d+)/.exec(message);
    return m ? { index: m[1] ?? "", x: m[2] ?? "", y: m[3] ?? "", width: m[4] ?? "", height: m[5] ?? "" } : null;
  },
  "text-too-long": (message) => {
    const length = /got (\d+)/.exec(message)?.[1];
    return length ? { length, max: String(MAX_TEXT_LENGTH) } : null;
  },
};

/** The issue in the UI's language by its rule code, or null when the code or its details are unknown. */
export function ruleText(issue: IssueLike, tr: Translator): string | null {
  const key = `rules.${issue.rule ?? ""}`;
  if (!issue.rule || !tr.has(key)) return null;
  const field = issue.field ?? "";
  const extract = EXTRACT[issue.rule];
  const values = extract ? extract(issue.message, field, tr) : {};
  if (!values) return null;
  // The offer names models and durations in words, so it is built here rather than in the extractor.
  const feature = values.feature as Feature | undefined;
  const requirement = feature ? offerText(feature, tr) : "";
  return tr.t(key, { ...values, requirement, field: fieldLabel(field, tr) });
}

/**
 * A rule issue (or an error naming a field) for people. English shows the server's own sentence with
 * the field named for people; other languages translate known rule codes and fall back to that.
 */
export function issueText(issue: IssueLike, tr: Translator): string {
  if (!showsServerText(tr)) {
    const translated = ruleText(issue, tr);
    if (translated) return translated;
  }
  return labelledMessage(issue, tr);
}
