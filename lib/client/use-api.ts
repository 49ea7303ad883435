"use client";

import useSWR, { type SWRResponse } from "swr";
import { getConfig, getTask, type ApiError, type AppConfig, type Task } from "./api";
import { isTerminal } from "./task-status";

/** How often a running task is polled; the server coalesces upstream queries, so this is cheap. */
export const TASK_POLL_MS = 1500;

/** Polls a task until it succeeds or fails; several cards can follow several tasks at once. */
export function useTask(id: string | null): SWRResponse<Task, ApiError> {
  return useSWR<Task, ApiError>(id ? ["task", id] : null, ([, taskId]: [string, string]) => getTask(taskId), {
    refreshInterval: (task) => (task && isTerminal(task.status) ? 0 : TASK_POLL_MS),
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
