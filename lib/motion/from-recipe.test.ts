import { describe, expect, it } from "vitest";
import { toKlingTrajectory } from "@/lib/geometry/trajectory";
import type { Region } from "@/lib/recipe/schema";
import { motionSceneFromRecipe } from "./from-recipe";
import { motionAt } from "./model";
import { timedPathFromKling } from "./timed-path";

const FRAME = { width: 640, height: 360 };
const LINE = [
  { x: 100, y: 100 },
  { x: 300, y: 40.4 },
];
const CORNER = [...LINE, { x: 500, y: 200 }];
const region = (easing: Region["easing"], curve: Region["curve"] = "straight", trajectory = LINE): Region => ({
  name: "",
  mask: { strokes: [{ op: "paint", size: 40, points: [{ x: 100, y: 100 }] }] },
  trajectory,
  easing,
  curve,
});
const recipe = {
  startFrame: "start-frame-1",
  tailFrame: null,
  staticMask: { strokes: [{ op: "erase" as const, size: 10, points: [{ x: 1, y: 1 }] }] },
  regions: [region("linear"), region("ease-in"), region("linear", "straight", CORNER), region("linear", "smooth", CORNER)],
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

  it("puts each region where the engine will, easing and curve included", () => {
    const scene = motionSceneFromRecipe(recipe, FRAME);
    const engine = recipe.regions.map((r) => timedPathFromKling(toKlingTrajectory(r, FRAME), FRAME, FRAME));
    for (const t of [0, 0.3, 0.5, 1]) {
      const preview = motionAt(scene, t).regions;
      const expected = motionAt({ ...scene, regions: engine }, t).regions;
      expect(preview).toEqual(expected);
    }
    // ease-in lags behind linear halfway through.
    const [linear, easeIn] = motionAt(scene, 0.5).regions;
    expect(easeIn!.dx).toBeLessThan(linear!.dx / 2 + 1);
  });

  it("follows the smooth curve, not the straight corners", () => {
    const scene = motionSceneFromRecipe(recipe, FRAME);
    const straight = scene.regions[2]!;
    const smooth = scene.regions[3]!;
    // Both pass the middle point (300, 40.4) somewhere; the straight path's highest point is that corner,
    // the smooth one bulges above it (smaller y) between the corner's neighbours.
    expect(Math.min(...straight.ys)).toBeGreaterThanOrEqual(40);
    expect(Math.min(...smooth.ys)).toBeLessThan(Math.min(...straight.ys));
  });
});
