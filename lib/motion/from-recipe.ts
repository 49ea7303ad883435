/**
 * The browser preview's scene: the same MotionScene the engine builds from the Kling body, built from
 * the recipe instead, following lib/kling/build-request.ts (every region is sent; an empty static
 * mask is left out; trajectories, curve and easing included, go through `toKlingTrajectory`).
 */
import { toKlingTrajectory, type RegionPath } from "@/lib/geometry/trajectory";
import type { Size } from "@/lib/geometry/types";
import { isEmptyMask, type Recipe } from "@/lib/recipe/schema";
import type { MotionScene } from "./model";
import { timedPathFromKling, type TimedPath } from "./timed-path";

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

/**
 * The browser's entry point: a region's path (points, curve, easing) → the timed path the engine will
 * evaluate. It goes through exactly what the request builder sends (`toKlingTrajectory`: the sampled
 * curve as 77 points spread by the easing, Kling's integer bottom-left pixels) and back, so both land
 * on the same pixels.
 */
export function timedPathFromRecipe(path: RegionPath, frame: Size): TimedPath {
  return timedPathFromKling(toKlingTrajectory(path, frame), frame, frame);
}
