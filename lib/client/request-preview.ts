import { buildKlingRequest, summarizeRequest } from "@/lib/kling/build-request";
import type { KlingCreateRequest } from "@/lib/kling/contract";
import type { Frames } from "@/lib/editor/document";
import { isAssetMask, type Mask, type Recipe } from "@/lib/recipe/schema";
import { syncFrames } from "./frames";

/**
 * The Kling body the server will send for this document, built by the same builder the server uses
 * (so the preview cannot drift from the real request), with short placeholders where the server puts
 * base64: the browser has no business encoding megabytes just to show them.
 */

export const PENDING_TASK_ID = "<our task id, assigned on submit>";

export class RequestPreviewUnavailable extends Error {}

function describeMask(mask: Mask): string {
  return isAssetMask(mask) ? `uploaded mask ${mask.asset}` : "mask";
}

export async function previewKlingRequest(recipe: Recipe, frames: Frames): Promise<KlingCreateRequest> {
  const frame = frames.start ?? frames.tail;
  if (!frame) throw new RequestPreviewUnavailable("Add a start frame to see the request.");
  const labels = new Map<string, string>();
  if (frames.start) labels.set(frames.start.assetId, `start frame ${frames.start.width}×${frames.start.height}`);
  if (frames.tail) labels.set(frames.tail.assetId, `tail frame ${frames.tail.width}×${frames.tail.height}`);
  const body = await buildKlingRequest(syncFrames(recipe, frames), {
    frameSize: { width: frame.width, height: frame.height },
    loadAssetBase64: async (assetId) => `<base64 of the ${labels.get(assetId) ?? `image ${assetId}`}>`,
    rasterizeMask: async (mask, size) => `<base64 PNG ${describeMask(mask)} ${size.width}×${size.height}>`,
    externalTaskId: PENDING_TASK_ID,
  });
  return summarizeRequest(body);
}
