"use client";

import useSWR, { type SWRResponse } from "swr";
import { isFinished, type Task } from "@/lib/tasks/public-task";
import { getConfig, getTask, type ApiError, type AppConfig } from "./api";

/** How often a running task is polled; the server coalesces upstream queries, so this is cheap. */
export const TASK_POLL_MS = 1500;

/**
 * Module-level on purpose: SWR restarts its polling timer whenever this function's identity changes,
 * and a card re-rendering every second (its elapsed clock) would otherwise never let 1.5 s pass.
 */
const taskRefreshInterval = (task: Task | undefined) => (task && isFinished(task.status) ? 0 : TASK_POLL_MS);
const fetchTask = ([, taskId]: [string, string]) => getTask(taskId);

/** Polls a task until it succeeds or fails; several cards can follow several tasks at once. */
export function useTask(id: string | null): SWRResponse<Task, ApiError> {
  return useSWR<Task, ApiError>(id ? ["task", id] : null, fetchTask, {
    refreshInterval: taskRefreshInterval,
    // The default 2 s dedupe window would swallow every other 1.5 s poll.
    dedupingInterval: TASK_POLL_MS / 2,
    revalidateOnFocus: false,
    keepPreviousData: true,
  });
}

/** What the server allows (providers, limits). Fetched once per page; it only changes on restart. */
export function useConfig(): SWRResponse<AppConfig, ApiError> {
  return useSWR<AppConfig, ApiError>("config", getConfig, {
    revalidateOnFocus: false,
    revalidateIfStale: false,
    shouldRetryOnError: true,
  });
}
