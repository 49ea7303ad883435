import { describe, expect, it, vi } from "vitest";
import { samplePath } from "@/lib/geometry/curve";
import { RECIPE_VERSION, recipeSchema, type ImagePoint, type Mask, type RecipeInput } from "@/lib/recipe/schema";
import type { Size } from "@/lib/geometry/types";
import { buildKlingRequest, type BuildDeps } from "./build-request";
import { klingCreateRequestSchema } from "./wire-schema";

const FRAME: Size = { width: 1280, height: 720 };
const START = "startframe01";
const TAIL = "tailframe001";
const MASK_ASSET = "maskasset001";
const paint: Mask = { strokes: [{ op: "paint", size: 40, points: [{ x: 10, y: 20 }, { x: 90, y: 20 }] }] };

function recipe(input: Partial<RecipeInput> = {}) {
  return recipeSchema.parse({ version: RECIPE_VERSION, startFrame: START, ...input });
}

/** Fake loaders whose output names what they were asked for, so the body shows what went where. */
function mockDeps() {
  const rasterizeMask = vi.fn(async (mask: Mask, size: Size) => `TUFTSy${"asset" in mask ? mask.asset : "vector"}${size.width}x${size.height}`);
  const loadAssetBase64 = vi.fn(async (id: string) => `SU1BR0U${id}`);
  return { rasterizeMask, loadAssetBase64, frameSize: FRAME, externalTaskId: "task_0001" } satisfies BuildDeps;
}

function deps(overrides: Partial<BuildDeps> = {}): BuildDeps {
  return { ...mockDeps(), ...overrides };
}

function distanceToPolyline(p: ImagePoint, line: readonly ImagePoint[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const length2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
    const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / length2));
    best = Math.min(best, Math.hypot(p.x - (a.x + (b.x - a.x) * t), p.y - (a.y + (b.y - a.y) * t)));
  }
  return best;
}

describe("buildKlingRequest", () => {
  it("builds the minimal body: strings where Kling wants strings, no empty prompts, our id", async () => {
    const body = await buildKlingRequest(recipe({ model: "kling-v1-6", mode: "pro", duration: "10", prompt: "  ", cfgScale: 0.7 }), deps());
    expect(body).toEqual({
      model_name: "kling-v1-6",
      mode: "pro",
      duration: "10",
      cfg_scale: 0.7,
      image: `SU1BR0U${START}`,
      external_task_id: "task_0001",
    });
    expect(klingCreateRequestSchema.safeParse(body).success).toBe(true);
  });

  it("includes prompts, tail frame and callback when given", async () => {
    const body = await buildKlingRequest(
      recipe({ prompt: " a kite rises ", negativePrompt: "blur", tailFrame: TAIL }),
      deps({ callbackUrl: "https://example.com/api/callbacks/kling/abc" }),
    );
    expect(body).toMatchObject({ prompt: "a kite rises", negative_prompt: "blur", image_tail: `SU1BR0U${TAIL}`, callback_url: "https://example.com/api/callbacks/kling/abc" });
  });

  it.each(["kling-v2-master", "kling-v2-1", "kling-v2-1-master", "kling-v2-5-turbo", "kling-v2-6"] as const)("omits cfg_scale for %s", async (model) => {
    const body = await buildKlingRequest(recipe({ model }), deps());
    expect(body).not.toHaveProperty("cfg_scale");
  });

  it.each(["kling-v1", "kling-v1-5", "kling-v1-6"] as const)("sends cfg_scale for %s", async (model) => {
    expect((await buildKlingRequest(recipe({ model }), deps())).cfg_scale).toBe(0.5);
  });

  it("never sends a data: prefix", async () => {
    const body = await buildKlingRequest(
      recipe({ staticMask: paint, regions: [{ mask: paint, trajectory: [{ x: 0, y: 0 }, { x: 5, y: 5 }] }] }),
      deps({ loadAssetBase64: async () => "data:image/png;base64,iVBORw0KGgo", rasterizeMask: async () => "data:image/png;base64,AAAA" }),
    );
    expect(body.image).toBe("iVBORw0KGgo");
    expect(body.static_mask).toBe("AAAA");
    expect(body.dynamic_masks?.[0]?.mask).toBe("AAAA");
  });

  it("omits the start frame when there is none", async () => {
    const body = await buildKlingRequest(recipe({ startFrame: null, tailFrame: TAIL }), deps());
    expect(body).not.toHaveProperty("image");
    expect(body.image_tail).toBe(`SU1BR0U${TAIL}`);
  });

  it("rasterises every mask at the start frame's exact size", async () => {
    const d = { ...mockDeps(), frameSize: { width: 4096, height: 2048 } };
    const assetMask: Mask = { asset: MASK_ASSET };
    const body = await buildKlingRequest(
      recipe({
        staticMask: paint,
        regions: [
          { mask: assetMask, trajectory: [{ x: 0, y: 0 }, { x: 50, y: 50 }] },
          { mask: paint, trajectory: [{ x: 10, y: 10 }, { x: 60, y: 10 }] },
        ],
      }),
      d,
    );
    expect(d.rasterizeMask).toHaveBeenCalledTimes(3);
    for (const [, size] of d.rasterizeMask.mock.calls) expect(size).toEqual({ width: 4096, height: 2048 });
    expect(d.rasterizeMask).toHaveBeenCalledWith(assetMask, { width: 4096, height: 2048 });
    expect(body.static_mask).toBe("TUFTSyvector4096x2048");
    expect(body.dynamic_masks?.map((group) => group.mask)).toEqual([`TUFTSy${MASK_ASSET}4096x2048`, "TUFTSyvector4096x2048"]);
  });

  it("leaves out a static mask that paints nothing", async () => {
    const d = mockDeps();
    const body = await buildKlingRequest(recipe({ staticMask: { strokes: [{ op: "erase", size: 10, points: [{ x: 1, y: 1 }] }] } }), d);
    expect(body).not.toHaveProperty("static_mask");
    expect(d.rasterizeMask).not.toHaveBeenCalled();
  });

  it("flips trajectories: drawn from upper-left to lower-right, x rises and y falls, as integers", async () => {
    const body = await buildKlingRequest(recipe({ regions: [{ mask: paint, trajectory: [{ x: 100.4, y: 50.2 }, { x: 1200.6, y: 700.7 }] }] }), deps());
    const points = body.dynamic_masks![0]!.trajectories;
    expect(points[0]).toEqual({ x: 100, y: 670 });
    expect(points.at(-1)).toEqual({ x: 1201, y: 19 });
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.x).toBeGreaterThanOrEqual(points[i - 1]!.x);
      expect(points[i]!.y).toBeLessThanOrEqual(points[i - 1]!.y);
      expect(Number.isInteger(points[i]!.x) && Number.isInteger(points[i]!.y)).toBe(true);
    }
    expect(points.at(-1)!.x).toBeGreaterThan(points[0]!.x);
    expect(points.at(-1)!.y).toBeLessThan(points[0]!.y);
  });

  it("sends a smooth path as bottom-left points on its curve, not on the straight corners", async () => {
    const trajectory = [{ x: 100, y: 600 }, { x: 400, y: 100 }, { x: 700, y: 600 }, { x: 1000, y: 100 }];
    const body = await buildKlingRequest(recipe({ regions: [{ mask: paint, trajectory, curve: "smooth" }] }), deps());
    const sent = body.dynamic_masks![0]!.trajectories;
    expect(sent).toHaveLength(77);
    expect(sent[0]).toEqual({ x: 100, y: 720 - 600 });
    expect(sent.at(-1)).toEqual({ x: 1000, y: 720 - 100 });
    // Back in top-left pixels, every sent point lies on the sampled curve (within Kling's integer rounding).
    const curve = samplePath(trajectory, "smooth");
    const corners = samplePath(trajectory, "straight");
    const topLeft = sent.map((p) => ({ x: p.x, y: 720 - p.y }));
    for (const p of topLeft) expect(distanceToPolyline(p, curve)).toBeLessThanOrEqual(Math.SQRT1_2 + 1e-9);
    expect(Math.max(...topLeft.map((p) => distanceToPolyline(p, corners)))).toBeGreaterThan(10);
  });

  it("reduces a 500-point trajectory to at most 77 points, keeping its endpoints", async () => {
    const trajectory = Array.from({ length: 500 }, (_, i) => ({ x: 100 + i * 2, y: 360 + Math.sin(i / 30) * 200 }));
    const body = await buildKlingRequest(recipe({ regions: [{ mask: paint, trajectory }] }), deps());
    const points = body.dynamic_masks![0]!.trajectories;
    expect(points.length).toBeLessThanOrEqual(77);
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points[0]).toEqual({ x: 100, y: 360 });
    expect(points.at(-1)).toEqual({ x: 1098, y: Math.round(720 - trajectory.at(-1)!.y) });
    expect(klingCreateRequestSchema.safeParse(body).success).toBe(true);
  });

  it("spreads points by easing: ease-in starts slow", async () => {
    const trajectory = [
      { x: 0, y: 360 },
      { x: 1000, y: 360 },
    ];
    const body = await buildKlingRequest(
      recipe({ regions: [{ mask: paint, trajectory, easing: "linear" }, { mask: paint, trajectory, easing: "ease-in" }] }),
      deps(),
    );
    const [linear, easeIn] = body.dynamic_masks!.map((group) => group.trajectories.map((p) => p.x));
    expect(linear![1]! - linear![0]!).toBeGreaterThan(easeIn![1]! - easeIn![0]!);
    expect(easeIn!.at(-1)! - easeIn!.at(-2)!).toBeGreaterThan(linear!.at(-1)! - linear!.at(-2)!);
  });

  it.each([
    { camera: { type: "down_back" as const }, expected: { type: "down_back" } },
    { camera: { type: "left_turn_forward" as const }, expected: { type: "left_turn_forward" } },
    {
      camera: { type: "simple" as const, config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5 } },
      expected: { type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5 } },
    },
  ])("sends camera $camera.type with config only for simple", async ({ camera, expected }) => {
    const body = await buildKlingRequest(recipe({ model: "kling-v1-5", mode: "pro", camera }), deps());
    expect(body.camera_control).toEqual(expected);
  });

  it("leaves out the task id and callback of a dry run, which has no task yet", async () => {
    const body = await buildKlingRequest(recipe(), { ...deps(), externalTaskId: undefined });
    expect(body).not.toHaveProperty("external_task_id");
    expect(body).not.toHaveProperty("callback_url");
  });

  it("sends no camera_control when there is no camera", async () => {
    expect(await buildKlingRequest(recipe(), deps())).not.toHaveProperty("camera_control");
  });
});
