"use client";

import useSWR from "swr";
import type { ApiError } from "@/lib/browser/api";
import { getLibraryTask, type LibraryTask } from "@/lib/browser/library-api";
import { isTerminal } from "@/lib/text/task-status";

const POLL_MS = 2000;
const fetchTask = ([, id]: [string, string]) => getLibraryTask(id);
// Module-level, so SWR's polling timer is not restarted on every render (see lib/browser/use-api.ts).
const refreshInterval = (task: LibraryTask | undefined) => (task && !isTerminal(task.status) ? POLL_MS : 0);

/**
 * A library task kept current: starts from the server-rendered copy and polls only while it runs.
 * The tile and the dialog share the cache entry, so both always show the same state.
 */
export function useLiveTask(initial: LibraryTask): LibraryTask {
  const { data } = useSWR<LibraryTask, ApiError>(["library-task", initial.id], fetchTask, {
    fallbackData: initial,
    refreshInterval,
    revalidateOnMount: !isTerminal(initial.status),
    revalidateOnFocus: false,
    dedupingInterval: POLL_MS / 2,
  });
  return data ?? initial;
}
