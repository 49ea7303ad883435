"use client";

import useSWR from "swr";
import type { ApiError } from "@/lib/browser/api";
import { getTask } from "@/lib/browser/api";
import { isFinished, type Task } from "@/lib/tasks/public-task";

const POLL_MS = 2000;
const fetchTask = ([, id]: [string, string]) => getTask(id);
// Module-level, so SWR's polling timer is not restarted on every render (see lib/browser/use-api.ts).
const refreshInterval = (task: Task | undefined) => (task && !isFinished(task.status) ? POLL_MS : 0);

/**
 * A library task kept current: starts from the server-rendered copy and polls only while it runs.
 * The tile and the dialog share the cache entry, so both always show the same state.
 */
export function useLiveTask(initial: Task): Task {
  const { data } = useSWR<Task, ApiError>(["library-task", initial.id], fetchTask, {
    fallbackData: initial,
    refreshInterval,
    revalidateOnMount: !isFinished(initial.status),
    revalidateOnFocus: false,
    dedupingInterval: POLL_MS / 2,
  });
  return data ?? initial;
}
