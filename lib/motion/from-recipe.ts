/**
 * The browser preview's scene: the same MotionScene the engine builds from the Kling body, built from
 * the recipe instead, following lib/kling/build-request.ts (every region is sent; an empty static
 * mask is left out; trajectories, curve and easing included, go through `toKlingTrajectory`).
 */
import type { Size } from "@/lib/geometry/types";
import { isEmptyMask, type Recipe } from "@/lib/recipe/schema";
import type { MotionScene } from "./model";
import { timedPathFromRecipe } from "./timed-path";

export type MotionRecipe = Pick<Recipe, "startFrame" | "tailFrame" | "staticMask" | "regions" | "camera">;

/** `frame` is the start frame's pixel size (the tail frame's when there is no start frame). */
export function motionSceneFromRecipe(recipe: MotionRecipe, frame: Size): MotionScene {
  return {
    size: { width: frame.width, height: frame.height },
    regions: recipe.regions.map((region) => timedPathFromRecipe(region, frame)),
    camera: recipe.camera,
    hasStart: recipe.startFrame !== null,
    hasTail: recipe.tailFrame !== null,
    hasStaticMask: !isEmptyMask(recipe.staticMask),
  };
}
