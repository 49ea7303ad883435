import "server-only";
import type { KlingTaskData } from "@/lib/kling/wire-schema";
import type { StoredTask } from "./task-record";

/** `baseUrl` is where the client reaches the engine's Kling paths (see public-url.ts). */
export function videoUrl(baseUrl: string, videoId: string): string {
  return `${baseUrl}/videos/${videoId}.mp4`;
}

/** The task as Kling shows it: in query and list answers, and as the bare callback body (§5.3, §7). */
export function toKlingTask(task: StoredTask, baseUrl: string): KlingTaskData {
  const data: KlingTaskData = {
    task_id: task.taskId,
    task_status: task.status,
    task_status_msg: task.statusMsg,
    task_info: task.externalTaskId ? { external_task_id: task.externalTaskId } : {},
    created_at: task.createdAt,
    updated_at: task.updatedAt,
  };
  if (task.request.watermark) data.watermark_info = { enabled: true };
  if (task.unitDeduction !== undefined) data.final_unit_deduction = task.unitDeduction;
  if (task.status === "succeed" && task.result) {
    const url = videoUrl(baseUrl, task.result.videoId);
    // No watermark is drawn by the emulator; the watermarked copy is the same file.
    data.task_result = { videos: [{ id: task.result.videoId, url, duration: String(task.result.durationS), ...(task.request.watermark ? { watermark_url: url } : {}) }] };
  }
  return data;
}
