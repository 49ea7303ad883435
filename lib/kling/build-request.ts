/**
 * Motion recipe → Kling image2video body (shared/kling-api.md §2–§3). Pure: reading assets and
 * rasterising masks are injected, so the browser's request preview and the server build the very same
 * body. Geometry stays top-left until `toKlingOrigin`, the one y-flip.
 */
import { toKlingTrajectory } from "@/lib/geometry/trajectory";
import type { Size } from "@/lib/geometry/types";
import { isEmptyMask, type Camera, type Mask, type Recipe } from "@/lib/recipe/schema";
import type { KlingCameraControl, KlingCreateRequest, KlingDynamicMask } from "./wire-schema";

export type BuildDeps = {
  /** The start frame's exact pixel size (the tail frame's when there is no start frame). */
  frameSize: Size;
  /** Bare base64 of a stored jpg/png. */
  loadAssetBase64: (assetId: string) => Promise<string>;
  /** Bare base64 PNG, white-on-black, exactly `size`. */
  rasterizeMask: (mask: Mask, size: Size) => Promise<string>;
  /** Our task id; absent in a dry run, where no task exists yet. */
  externalTaskId?: string;
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
  if (deps.externalTaskId) body.external_task_id = deps.externalTaskId;
  if (deps.callbackUrl) body.callback_url = deps.callbackUrl;
  return body;
}
