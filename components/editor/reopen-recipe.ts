"use client";

import { assetUrl, documentFromRecipe, type EditorDocument, type FrameRef, type Frames } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";

/** A frame's size is not in the recipe: read it from the image itself (the server serves it). */
async function frameFor(assetId: string | null, known: readonly (FrameRef | null)[]): Promise<FrameRef | null> {
  if (!assetId) return null;
  const same = known.find((f) => f?.assetId === assetId);
  if (same) return same;
  const image = new window.Image();
  image.src = assetUrl(assetId);
  await image.decode();
  return { assetId, width: image.naturalWidth, height: image.naturalHeight, url: image.src };
}

/** "Edit and retry": the task's recipe as an editor document, frames included. */
export async function documentForRetry(recipe: Recipe, current: Frames): Promise<EditorDocument> {
  const known = [current.start, current.tail];
  const [start, tail] = await Promise.all([frameFor(recipe.startFrame, known), frameFor(recipe.tailFrame, known)]);
  return documentFromRecipe(recipe, { start, tail });
}
