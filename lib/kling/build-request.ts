/**
 * Motion recipe → Kling image2video body (shared/kling-api.md §2–§3). Pure: reading assets and
 * rasterising masks are injected, so the browser's request preview and the server build the very same
 * body. Geometry stays top-left until `toKlingOrigin`, the one y-flip.
 */
import { toKlingTrajectory } from "@/lib/geometry/trajectory";
import type { Size } from "@/lib/geometry/types";
import { isEmptyMask, type Camera, type Mask, type Recipe } from "@/lib/recipe/schema";
import type { KlingCameraControl, KlingCreateRequest, KlingDynamicMask } from "./contract";

export type BuildDeps = {
  /** The start frame's exact pixel size (the tail frame's when there is no start frame). */
  frameSize: Size;
  /** Bare base64 of a stored jpg/png. */
  loadAssetBase64: (assetId: string) => Promise<string>;
  /** Bare base64 PNG, white-on-black, exactly `size`. */
  rasterizeMask: (mask: Mask, size: Size) => Promise<string>;
  externalTaskId: string;
  callbackUrl?: string;
};

/** Kling documents cfg_scale as unsupported on every kling-v2.x model. */
function supportsCfgScale(model: Recipe["model"]): boolean {
  return !model.startsWith("kling-v2");
}

/** Kling rejects a `data:` URL prefix; a loader that adds one must not leak it into the body. */
function bareBase64(value: string): string {
  return value.replace(/^data:[^,]*;base64,/i, "");
}

function cameraControl(camera: Camera): KlingCameraControl {
  // Presets must be sent without `config` (§3.4).
  return camera.type === "simple" ? { type: "simple", config: { ...camera.config } } : { type: camera.type };
}

export async function buildKlingRequest(recipe: Recipe, deps: BuildDeps): Promise<KlingCreateRequest> {
  const { frameSize } = deps;
  const [image, imageTail] = await Promise.all([
    recipe.startFrame ? deps.loadAssetBase64(recipe.startFrame) : undefined,
    recipe.tailFrame ? deps.loadAssetBase64(recipe.tailFrame) : undefined,
  ]);
  // Masks one at a time: seven 4096² RGBA renders at once would cost hundreds of MB for little gain.
  // A static mask that paints nothing keeps nothing still: leave it out rather than send a black PNG.
  const staticMask = recipe.staticMask && !isEmptyMask(recipe.staticMask) ? await deps.rasterizeMask(recipe.staticMask, frameSize) : undefined;
  const dynamicMasks: KlingDynamicMask[] = [];
  for (const region of recipe.regions) {
    dynamicMasks.push({
      mask: bareBase64(await deps.rasterizeMask(region.mask, frameSize)),
      // Kling gets no timing and no curve, only points: the curve is sampled, easing spreads the 77 points.
      trajectories: toKlingTrajectory(region, frameSize),
    });
  }

  const prompt = recipe.prompt.trim();
  const negativePrompt = recipe.negativePrompt.trim();
  const body: KlingCreateRequest = {
    model_name: recipe.model,
    mode: recipe.mode,
    duration: recipe.duration,
  };
  if (prompt) body.prompt = prompt;
  if (negativePrompt) body.negative_prompt = negativePrompt;
  if (supportsCfgScale(recipe.model)) body.cfg_scale = recipe.cfgScale;
  if (image !== undefined) body.image = bareBase64(image);
  if (imageTail !== undefined) body.image_tail = bareBase64(imageTail);
  if (staticMask !== undefined) body.static_mask = bareBase64(staticMask);
  if (dynamicMasks.length > 0) body.dynamic_masks = dynamicMasks;
  if (recipe.camera) body.camera_control = cameraControl(recipe.camera);
  body.external_task_id = deps.externalTaskId;
  if (deps.callbackUrl) body.callback_url = deps.callbackUrl;
  return body;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Shorter strings are shown whole: they are not worth hiding and may not be base64 at all. */
const SUMMARY_MIN_LENGTH = 64;
const SUMMARY_PREFIX_LENGTH = 12;

function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** `iVBORw0KGgo…(123 kB)` for a base64 payload; anything else (URLs, placeholders) unchanged. */
export function summarizeBase64(value: string): string {
  if (value.length < SUMMARY_MIN_LENGTH || !BASE64.test(value)) return value;
  const padding = value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0;
  const bytes = Math.floor((value.length * 3) / 4) - padding;
  return `${value.slice(0, SUMMARY_PREFIX_LENGTH)}…(${formatBytes(bytes)})`;
}

/**
 * A copy of the body with every base64 payload shortened, for the editor's request view and for logs.
 * Only the image and mask fields can carry base64, so prompts are never touched.
 */
export function summarizeRequest<T extends KlingCreateRequest>(body: T): T {
  const copy: T = { ...body };
  if (copy.image !== undefined) copy.image = summarizeBase64(copy.image);
  if (copy.image_tail !== undefined) copy.image_tail = summarizeBase64(copy.image_tail);
  if (copy.static_mask !== undefined) copy.static_mask = summarizeBase64(copy.static_mask);
  if (copy.dynamic_masks) {
    copy.dynamic_masks = copy.dynamic_masks.map((group) => ({ ...group, mask: summarizeBase64(group.mask), trajectories: group.trajectories.map((p) => ({ ...p })) }));
  }
  if (copy.camera_control) copy.camera_control = structuredClone(copy.camera_control);
  return copy;
}
