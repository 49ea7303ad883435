import "server-only";
import { activeAxes, AXIS_INFO, describeAxisValue, PRESET_INFO } from "@/lib/client/camera";
import type { Camera, Recipe } from "@/lib/recipe/schema";

/** The words of a share page and its link preview, from the recipe alone. Pure. */

const PROVIDER_NAME: Record<string, string> = { preview: "Motion Studio preview", kling: "Kling" };

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** "Zoom +5 wider view", "Down and back", or null without a camera move. */
export function describeCamera(camera: Camera | null): string | null {
  if (!camera) return null;
  if (camera.type !== "simple") return PRESET_INFO[camera.type].label;
  const axes = activeAxes(camera.config);
  if (axes.length === 0) return null;
  return axes.map((axis) => `${AXIS_INFO[axis].label} ${describeAxisValue(axis, camera.config[axis])}`).join(", ");
}

/** "2 motion regions and a static area", "a camera move": what was directed, in a few words. */
export function describeDirection(recipe: Pick<Recipe, "regions" | "staticMask" | "camera" | "tailFrame">): string {
  const parts: string[] = [];
  const regions = recipe.regions.length;
  if (regions > 0) parts.push(regions === 1 ? "1 motion region" : `${regions} motion regions`);
  if (recipe.staticMask) parts.push("a static area");
  if (describeCamera(recipe.camera)) parts.push("a camera move");
  if (recipe.tailFrame) parts.push("an end frame");
  if (parts.length === 0) return "";
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** The prompt is the best title, but only when the owner chose to show it. */
export function shareTitle(recipe: Pick<Recipe, "prompt">, showPrompt: boolean): string {
  const prompt = showPrompt ? truncate(recipe.prompt, 80) : "";
  return prompt ? `“${prompt}”` : "A still image, set in motion";
}

export function shareDescription(recipe: Pick<Recipe, "model" | "mode" | "duration" | "provider" | "regions" | "staticMask" | "camera" | "tailFrame">): string {
  const provider = PROVIDER_NAME[recipe.provider ?? ""] ?? "Kling";
  const directed = describeDirection(recipe);
  const what = `A ${recipe.duration} s video made from a still image with ${provider} (${recipe.model}, ${recipe.mode})`;
  return `${what}${directed ? `, directed with ${directed}` : ""}. Watch it, then remix it in Motion Studio.`;
}
