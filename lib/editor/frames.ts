import type { Frames } from "./document";
import type { FrameSizes } from "@/lib/kling/rules";
import type { Recipe } from "@/lib/recipe/schema";

/** The frames are the document's single source of truth for frame ids (see toRecipe). */
export function syncFrames(recipe: Recipe, frames: Frames): Recipe {
  const startFrame = frames.start?.assetId ?? null;
  const tailFrame = frames.tail?.assetId ?? null;
  if (recipe.startFrame === startFrame && recipe.tailFrame === tailFrame) return recipe;
  return { ...recipe, startFrame, tailFrame };
}

/** Decoded frame sizes, which turn on checkRecipe's image-size and "inside the frame" rules. */
export function frameSizes(frames: Frames): FrameSizes {
  const size = (f: Frames["start"]) => (f ? { width: f.width, height: f.height } : null);
  return { start: size(frames.start), tail: size(frames.tail) };
}
