import "server-only";
import { activeAxes, axisValueText } from "@/lib/text/camera";
import { joinList, type Translator } from "@/lib/text/translator";
import type { Camera, Recipe } from "@/lib/recipe/schema";

/**
 * The words of a share page and its link preview, from the recipe alone, in the visitor's language
 * (the page passes a Translator built from the request's locale). Pure.
 */

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** "Zoom +5 wider view", "Down and back", or null without a camera move. */
export function describeCamera(camera: Camera | null, tr: Translator): string | null {
  if (!camera) return null;
  if (camera.type !== "simple") return tr.t(`camera.presets.${camera.type}.label`);
  const axes = activeAxes(camera.config);
  if (axes.length === 0) return null;
  return axes
    .map((axis) => tr.t("share.cameraAxis", { label: tr.t(`camera.axes.${axis}.label`), value: axisValueText(axis, camera.config[axis], tr) }))
    .join(tr.t("list.separator"));
}

/** "2 motion regions and a static area", "a camera move": what was directed, in a few words. */
export function describeDirection(recipe: Pick<Recipe, "regions" | "staticMask" | "camera" | "tailFrame">, tr: Translator): string {
  const parts: string[] = [];
  const regions = recipe.regions.length;
  if (regions > 0) parts.push(tr.t("share.direction.regions", { count: regions }));
  if (recipe.staticMask) parts.push(tr.t("share.direction.staticArea"));
  if (describeCamera(recipe.camera, tr)) parts.push(tr.t("share.direction.camera"));
  if (recipe.tailFrame) parts.push(tr.t("share.direction.endFrame"));
  return joinList(parts, "and", tr);
}

/** The prompt is the best title, but only when the owner chose to show it. */
export function shareTitle(recipe: Pick<Recipe, "prompt">, showPrompt: boolean, tr: Translator): string {
  const prompt = showPrompt ? truncate(recipe.prompt, 80) : "";
  return prompt ? tr.t("share.quoted", { prompt }) : tr.t("share.untitled");
}

export function shareDescription(
  recipe: Pick<Recipe, "model" | "mode" | "duration" | "provider" | "regions" | "staticMask" | "camera" | "tailFrame">,
  tr: Translator,
): string {
  const provider = tr.t(`share.providers.${recipe.provider === "preview" ? "preview" : "kling"}`);
  const directed = describeDirection(recipe, tr);
  const values = { duration: recipe.duration, provider, model: recipe.model, mode: recipe.mode };
  return directed ? tr.t("share.descriptionDirected", { ...values, directed }) : tr.t("share.description", values);
}
