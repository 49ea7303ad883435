import { describe, expect, it } from "vitest";
import { toKlingTrajectory } from "@/lib/geometry/trajectory";
import type { Region } from "@/lib/recipe/schema";
import { motionSceneFromRecipe } from "./from-recipe";
import { motionAt } from "./model";
import { timedPathFromKling } from "./timed-path";

const FRAME = { width: 640, height: 360 };
const region = (easing: Region["easing"]): Region => ({
  mask: { strokes: [{ op: "paint", size: 40, points: [{ x: 100, y: 100 }] }] },
  trajectory: [
    { x: 100, y: 100 },
    { x: 300, y: 40.4 },
  ],
  easing,
});
const recipe = {
  startFrame: "start-frame-1",
  tailFrame: null,
  staticMask: { strokes: [{ op: "erase" as const, size: 10, points: [{ x: 1, y: 1 }] }] },
  regions: [region("linear"), region("ease-in")],
  camera: { type: "down_back" as const },
};

describe("motionSceneFromRecipe", () => {
  it("reads frames, camera and regions as the request builder sends them", () => {
    const scene = motionSceneFromRecipe(recipe, FRAME);
    expect(scene).toMatchObject({ size: FRAME, camera: { type: "down_back" }, hasStart: true, hasTail: false });
    // An erase-only static mask paints nothing, so the builder leaves it out.
    expect(scene.hasStaticMask).toBe(false);
    expect(motionSceneFromRecipe({ ...recipe, staticMask: region("linear").mask }, FRAME).hasStaticMask).toBe(true);
  });

  it("puts each region where the engine will, easing included", () => {
    const scene = motionSceneFromRecipe(recipe, FRAME);
    const engine = recipe.regions.map((r) => timedPathFromKling(toKlingTrajectory(r.trajectory, r.easing, FRAME), FRAME, FRAME));
    for (const t of [0, 0.3, 0.5, 1]) {
      const preview = motionAt(scene, t).regions;
      const expected = motionAt({ ...scene, regions: engine }, t).regions;
      expect(preview).toEqual(expected);
    }
    // ease-in lags behind linear halfway through.
    const [linear, easeIn] = motionAt(scene, 0.5).regions;
    expect(easeIn!.dx).toBeLessThan(linear!.dx / 2 + 1);
  });
});
