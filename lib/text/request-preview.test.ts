import { describe, expect, it } from "vitest";
import { emptyRecipe, type Frames } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";
import { RequestPreviewUnavailable, pendingTaskId, previewKlingRequest } from "./request-preview";
import { EN, ZH } from "./test-translators";

const start = { assetId: "start_12345678", width: 1920, height: 1080, url: "/api/assets/start_12345678" };
const frames: Frames = { start, tail: null };
const paint = { strokes: [{ op: "paint" as const, size: 40, points: [{ x: 200, y: 200 }] }] };

function recipe(patch: Partial<Recipe>): Recipe {
  return { ...emptyRecipe(), ...patch };
}

describe("previewKlingRequest", () => {
  it("shows placeholders instead of base64, naming the frame and mask sizes", async () => {
    const body = await previewKlingRequest(recipe({ staticMask: paint, regions: [{ mask: paint, trajectory: [{ x: 0, y: 0 }, { x: 100, y: 100 }], easing: "linear", name: "", curve: "straight" }] }), frames, EN);
    expect(body.image).toBe("<base64 of the start frame 1920×1080>");
    expect(body.static_mask).toBe("<base64 PNG mask 1920×1080>");
    expect(body.dynamic_masks?.[0]?.mask).toBe("<base64 PNG mask 1920×1080>");
    expect(body.external_task_id).toBe("<our task id, assigned on submit>");
    expect(pendingTaskId(EN)).toBe(body.external_task_id);
  });

  it("words the placeholders in the UI's language, still between < and >", async () => {
    const body = await previewKlingRequest(recipe({ staticMask: { asset: "mask_123456" } }), frames, ZH);
    expect(body.image).toBe("<起始帧 1920×1080 的 base64>");
    expect(body.static_mask).toBe("<已上传的蒙版 mask_123456 1920×1080 的 base64 PNG>");
    expect(body.external_task_id).toBe("<我们的任务 ID，提交时分配>");
  });

  it("takes frame ids from the frames, not from a stale recipe", async () => {
    const body = await previewKlingRequest(recipe({ startFrame: null }), frames, EN);
    expect(body.image).toContain("start frame");
    expect(body.image_tail).toBeUndefined();
  });

  it("flips trajectories to Kling's bottom-left origin: drawn downwards, y falls", async () => {
    const trajectory = [
      { x: 100, y: 100 },
      { x: 900, y: 800 },
    ];
    const body = await previewKlingRequest(recipe({ regions: [{ mask: paint, trajectory, easing: "linear", name: "", curve: "straight" }] }), frames, EN);
    const points = body.dynamic_masks?.[0]?.trajectories ?? [];
    expect(points[0]).toEqual({ x: 100, y: 980 });
    expect(points.at(-1)).toEqual({ x: 900, y: 280 });
  });

  it("sends a preset camera without config and says when there is no frame yet", async () => {
    const body = await previewKlingRequest(recipe({ camera: { type: "down_back" } }), frames, EN);
    expect(body.camera_control).toEqual({ type: "down_back" });
    await expect(previewKlingRequest(recipe({}), { start: null, tail: null }, EN)).rejects.toBeInstanceOf(RequestPreviewUnavailable);
  });
});
