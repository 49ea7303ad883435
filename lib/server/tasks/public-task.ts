import "server-only";
import type { Task, TaskStatus } from "@/lib/tasks/public-task";
import type { TaskRow } from "../storage/db";
import { readProvider, readRecipe, readVideo } from "./task-json";

export type { StoredVideo } from "./task-json";

/** A task row as the public API shows it (the shape is lib/tasks/public-task.ts). */
export function toPublicTask(row: TaskRow): Task {
  const video = readVideo(row);
  return {
    id: row.id,
    title: row.title,
    status: row.status as TaskStatus,
    statusMessage: row.status_message,
    statusCode: row.status_code,
    provider: readProvider(row),
    recipe: readRecipe(row),
    video: video ? { url: `/api/tasks/${row.id}/video`, durationS: video.durationS, width: video.width, height: video.height } : null,
    upstreamTaskId: row.upstream_task_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    finishedAt: row.finished_at,
    unitsCharged: row.units,
  };
}
