import { describe, expect, it } from "vitest";
import { emptyRecipe, type Frames } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";
import { PENDING_TASK_ID, RequestPreviewUnavailable, previewKlingRequest } from "./request-preview";

const start = { assetId: "start_12345678", width: 1920, height: 1080, url: "/api/assets/start_12345678" };
const frames: Frames = { start, tail: null };
const paint = { strokes: [{ op: "paint" as const, size: 40, points: [{ x: 200, y: 200 }] }] };

function recipe(patch: Partial<Recipe>): Recipe {
  return { ...emptyRecipe(), ...patch };
}

describe("previewKlingRequest", () => {
  it("shows placeholders instead of base64, naming the frame and mask sizes", async () => {
    const body = await previewKlingRequest(recipe({ staticMask: paint, regions: [{ mask: paint, trajectory: [{ x: 0, y: 0 }, { x: 100, y: 100 }], easing: "linear" }] }), frames);
    expect(body.image).toBe("<base64 of the start frame 1920×1080>");
    expect(body.static_mask).toBe("<base64 PNG mask 1920×1080>");
    expect(body.dynamic_masks?.[0]?.mask).toBe("<base64 PNG mask 1920×1080>");
    expect(body.external_task_id).toBe(PENDING_TASK_ID);
  });

  it("takes frame ids from the frames, not from a stale recipe", async () => {
    const body = await previewKlingRequest(recipe({ startFrame: null }), frames);
    expect(body.image).toContain("start frame");
    expect(body.image_tail).toBeUndefined();
  });

  it("flips trajectories to Kling's bottom-left origin: drawn downwards, y falls", async () => {
    const trajectory = [
      { x: 100, y: 100 },
      { x: 900, y: 800 },
    ];
    const body = await previewKlingRequest(recipe({ regions: [{ mask: paint, trajectory, easing: "linear" }] }), frames);
    const points = body.dynamic_masks?.[0]?.trajectories ?? [];
    expect(points[0]).toEqual({ x: 100, y: 980 });
    expect(points.at(-1)).toEqual({ x: 900, y: 280 });
  });

  it("sends a preset camera without config and says when there is no frame yet", async () => {
    const body = await previewKlingRequest(recipe({ camera: { type: "down_back" } }), frames);
    expect(body.camera_control).toEqual({ type: "down_back" });
    await expect(previewKlingRequest(recipe({}), { start: null, tail: null })).rejects.toBeInstanceOf(RequestPreviewUnavailable);
  });
});
