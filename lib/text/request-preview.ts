import { buildKlingRequest, summarizeRequest } from "@/lib/kling/build-request";
import type { KlingCreateRequest } from "@/lib/kling/contract";
import type { Frames } from "@/lib/editor/document";
import { isAssetMask, type Mask, type Recipe } from "@/lib/recipe/schema";
import { syncFrames } from "@/lib/editor/frames";
import type { Translator } from "./translator";

/**
 * The Kling body the server will send for this document, built by the same builder the server uses
 * (so the preview cannot drift from the real request), with short placeholders where the server puts
 * base64: the browser has no business encoding megabytes just to show them. The placeholders are in
 * the UI's language (`request.placeholder.*`), always between < and > so the view can grey them out.
 */

/** Thrown while there is no frame to build a request around; the view says so in words. */
export class RequestPreviewUnavailable extends Error {}

const placeholder = (text: string) => `<${text}>`;

export function pendingTaskId(tr: Translator): string {
  return placeholder(tr.t("request.placeholder.taskId"));
}

function describeMask(mask: Mask, tr: Translator): string {
  return isAssetMask(mask) ? tr.t("request.placeholder.uploadedMask", { id: mask.asset }) : tr.t("request.placeholder.mask");
}

export async function previewKlingRequest(recipe: Recipe, frames: Frames, tr: Translator): Promise<KlingCreateRequest> {
  const frame = frames.start ?? frames.tail;
  if (!frame) throw new RequestPreviewUnavailable("no frame");
  const size = (s: { width: number; height: number }) => ({ width: String(s.width), height: String(s.height) });
  const labels = new Map<string, string>();
  if (frames.start) labels.set(frames.start.assetId, tr.t("request.placeholder.startFrame", size(frames.start)));
  if (frames.tail) labels.set(frames.tail.assetId, tr.t("request.placeholder.tailFrame", size(frames.tail)));
  const body = await buildKlingRequest(syncFrames(recipe, frames), {
    frameSize: { width: frame.width, height: frame.height },
    loadAssetBase64: async (assetId) => placeholder(labels.get(assetId) ?? tr.t("request.placeholder.image", { id: assetId })),
    rasterizeMask: async (mask, maskSize) => placeholder(tr.t("request.placeholder.png", { mask: describeMask(mask, tr), ...size(maskSize) })),
    externalTaskId: pendingTaskId(tr),
  });
  return summarizeRequest(body);
}
