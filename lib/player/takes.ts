import type { Recipe } from "@/lib/recipe/schema";

/**
 * Takes of one shot: finished tasks a creator would compare side by side. Two recipes are the same
 * shot when they start (and end) on the same frames and move the same painted regions; what a take
 * varies — prompt, paths, camera, model, mode, static mask — may differ. Pure.
 */

type ShotFields = Pick<Recipe, "startFrame" | "tailFrame"> & { regions: ReadonlyArray<Pick<Recipe["regions"][number], "mask">> };

/** A string equal for recipes of the same shot; null for a recipe with no start frame (nothing to compare against). */
export function shotKey(recipe: ShotFields): string | null {
  if (!recipe.startFrame) return null;
  // Masks come out of one zod schema, so their keys are always in the same order and JSON compares them.
  return JSON.stringify([recipe.startFrame, recipe.tailFrame ?? null, recipe.regions.map((region) => region.mask)]);
}

type Take = { id: string; status: string; video: unknown; recipe: ShotFields };

/** The other finished takes of `task`'s shot among `candidates`, in the order given. */
export function otherTakes<T extends Take>(task: Take, candidates: readonly T[]): T[] {
  const key = shotKey(task.recipe);
  if (key === null) return [];
  return candidates.filter((candidate) => candidate.id !== task.id && candidate.status === "succeed" && candidate.video !== null && shotKey(candidate.recipe) === key);
}
