import "server-only";
import { buildKlingRequest } from "@/lib/kling/build-request";
import type { KlingCreateRequest } from "@/lib/kling/wire-schema";
import type { Recipe } from "@/lib/recipe/schema";
import { rasterizeMask } from "../rasterize";
import type { AssetRow } from "../storage/db";

/** The asset reads a body needs: the unscoped store for a send, the viewer's own for a dry run. */
export type AssetReader = {
  require(id: string, field: string): Promise<AssetRow>;
  read(id: string): Promise<Buffer | null>;
};

/** Set only when the task exists: a dry run has neither. */
export type TaskIds = { externalTaskId?: string; callbackUrl?: string };

/**
 * The Kling body for a recipe, frames read from storage and masks rasterised at the start frame's
 * exact size. One function for the real send and the dry run, so what the editor shows is what is sent.
 */
export async function buildUpstreamBody(recipe: Recipe, assets: AssetReader, ids: TaskIds): Promise<KlingCreateRequest> {
  const frameId = recipe.startFrame ?? recipe.tailFrame;
  const frame = frameId ? await assets.require(frameId, recipe.startFrame ? "startFrame" : "tailFrame") : null;
  const loadAsset = async (id: string) => {
    const data = await assets.read(id);
    if (!data) throw new Error(`asset ${id} is missing from storage`);
    return data;
  };
  return buildKlingRequest(recipe, {
    frameSize: { width: frame?.width ?? 0, height: frame?.height ?? 0 },
    loadAssetBase64: async (id) => (await loadAsset(id)).toString("base64"),
    rasterizeMask: async (mask, maskSize) => (await rasterizeMask(mask, maskSize, loadAsset)).toString("base64"),
    ...ids,
  });
}
