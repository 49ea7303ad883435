/**
 * Where the control that fixes a "Before generating" item lives: a `data-fix` anchor in the sidebar.
 * Rule issues name recipe fields ("regions[1].trajectory", "camera.config"); a content collision is
 * fixed in the conflict chooser (in the camera panel when a camera move is one side of it), a setting
 * that cannot carry the content by "Make settings compatible". Pure, so the map is unit-tested.
 */

export type FixIssue = { field?: string; rule?: string; message: string };

const FIELD_ANCHORS: Record<string, string> = {
  startFrame: "frame-start",
  tailFrame: "frame-tail",
  staticMask: "static-mask",
  regions: "regions",
  camera: "camera",
  prompt: "prompt",
  negativePrompt: "negative-prompt",
  model: "model",
  mode: "mode",
  duration: "duration",
  cfgScale: "cfg-scale",
  provider: "provider",
  sound: "model",
  voices: "model",
};

const REGION = /^regions\[(\d+)\]/;

export function fixAnchor(issue: FixIssue): string | null {
  const field = issue.field ?? "";
  if (issue.rule === "features-exclusive") {
    return field.startsWith("camera") || /camera control/.test(issue.message) ? "camera" : "conflict";
  }
  if (issue.rule === "feature-unsupported") return "compat";
  const region = REGION.exec(field);
  if (region) return `region-${region[1]}`;
  // A mask needs a start frame: the start frame slot is where that is fixed.
  if (issue.rule === "mask-needs-start-frame") return "frame-start";
  const root = field.split(/[.[]/)[0] ?? "";
  return FIELD_ANCHORS[root] ?? null;
}
