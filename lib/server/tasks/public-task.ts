import "server-only";
import type { Recipe } from "@/lib/recipe/schema";
import type { TaskRow } from "../storage/db";
import { readRecipe, readVideo } from "./task-json";
import type { TaskStatus } from "./task-store";

export type TaskVideo = { url: string; durationS: number; width: number; height: number };

/** The Task of the public API (design.md §2). No upstream URL, token or key leaves the server. */
export type PublicTask = {
  id: string;
  /** The library's name for it: from the prompt unless renamed; "" = untitled. */
  title: string;
  status: TaskStatus;
  statusMessage: string;
  /** Stable code behind statusMessage, for clients that show it in another language; "" when none. */
  statusCode: string;
  provider: string;
  recipe: Recipe;
  video: TaskVideo | null;
  upstreamTaskId: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  finishedAt: string | null;
  unitsCharged: string | null;
};

export type { StoredVideo } from "./task-json";

export function toPublicTask(row: TaskRow): PublicTask {
  const video = readVideo(row);
  return {
    id: row.id,
    title: row.title,
    status: row.status as TaskStatus,
    statusMessage: row.status_message,
    statusCode: row.status_code,
    provider: row.provider,
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
