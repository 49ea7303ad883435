import "server-only";
import { z } from "zod";
import { klingCameraControlSchema, klingDynamicMaskSchema } from "@/lib/kling/wire-schema";
import type { RenderMotion } from "@/lib/server/render/render-video";
import type { StoredTask } from "./task-record";
import type { TaskStore } from "./task-store";

/** The parameters the renderer needs, re-read from the stored request (validated at create time). */
const motionParamsSchema = z.object({
  dynamic_masks: z.array(klingDynamicMaskSchema.pick({ trajectories: true })).optional(),
  camera_control: klingCameraControlSchema.optional(),
});

/**
 * The motion brush and camera of a stored task, for the renderer: mask files read back as sent and
 * paired with their trajectories (still in Kling's bottom-left pixels; the renderer flips and scales).
 * Undefined when the body asked for no motion.
 */
export async function renderMotionOf(task: StoredTask, store: TaskStore): Promise<RenderMotion | undefined> {
  const params = motionParamsSchema.parse(task.request.params);
  const groups = params.dynamic_masks ?? [];
  const { staticMask, dynamicMasks } = task.inputs;
  if (!staticMask && groups.length === 0 && !params.camera_control) return undefined;
  if (dynamicMasks.length !== groups.length) throw new Error(`task ${task.taskId}: ${dynamicMasks.length} mask files for ${groups.length} trajectories`);
  const [staticBytes, ...maskBytes] = await Promise.all([
    staticMask ? store.readInput(task.taskId, staticMask) : null,
    ...dynamicMasks.map((mask) => store.readInput(task.taskId, mask)),
  ]);
  return {
    staticMask: staticBytes ?? null,
    regions: groups.map((group, i) => ({ mask: maskBytes[i]!, trajectory: group.trajectories })),
    camera: params.camera_control ?? null,
  };
}
