/**
 * Rule issues and server errors name fields by JSON path ("regions[2].trajectory: needs at least 2
 * points"); creators know them as "Region 3 trajectory". This turns one into the other. Pure.
 */

const NAMES: Record<string, string> = {
  startFrame: "Start frame",
  tailFrame: "Tail frame",
  staticMask: "Static mask",
  regions: "Motion brush",
  camera: "Camera",
  "camera.type": "Camera",
  "camera.config": "Camera",
  prompt: "Prompt",
  negativePrompt: "Negative prompt",
  model: "Model",
  mode: "Mode",
  duration: "Duration",
  cfgScale: "CFG scale",
  provider: "Provider",
  file: "Image",
};

const REGION_FIELD = /^regions\[(\d+)\](?:\.(mask|trajectory))?/;

export function fieldLabel(field: string): string {
  const region = REGION_FIELD.exec(field);
  if (region) {
    const n = Number(region[1]) + 1;
    return region[2] ? `Region ${n} ${region[2]}` : `Region ${n}`;
  }
  if (NAMES[field]) return NAMES[field];
  const root = field.split(/[.[]/)[0] ?? field;
  return NAMES[root] ?? field;
}

function capitalise(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** "regions[0].trajectory: needs at least 2 points" → "Region 1 trajectory: needs at least 2 points". */
export function issueText(issue: { field?: string; message: string }): string {
  const { field, message } = issue;
  if (field && message.startsWith(`${field}: `)) return `${fieldLabel(field)}: ${message.slice(field.length + 2)}`;
  if (field) return `${fieldLabel(field)}: ${message}`;
  return capitalise(message);
}
