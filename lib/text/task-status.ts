import type { Provider } from "@/lib/recipe/schema";
import { isFinished, type Task } from "@/lib/tasks/public-task";
import type { Translator } from "./translator";

/**
 * How a task card talks about a task: status words, times, and why it failed. Pure. The words are in
 * the catalogue (`tasks.status.*`, `tasks.detail.*`, shared by the editor's cards and the library).
 */

/**
 * Typical time from submit to video: Kling image2video takes about 160 s (ComfyUI estimates ~164 s,
 * kling-api.md §6); the in-repo preview engine renders in a few seconds.
 */
export function typicalSeconds(provider: Provider): number {
  return provider === "kling" ? 160 : 5;
}

/** Seconds since creation, frozen at the last update once the task has ended. */
export function elapsedSeconds(task: Pick<Task, "status" | "createdAt" | "updatedAt">, nowMs: number): number {
  const start = Date.parse(task.createdAt);
  const end = isFinished(task.status) ? Date.parse(task.updatedAt) : nowMs;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 0;
  return Math.max(0, Math.floor((end - start) / 1000));
}

/** 7 → "0:07", 161 → "2:41", 3725 → "1:02:05". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** "about 3 min" / "a few seconds": typical times are estimates, so they are said loosely. */
export function formatTypical(seconds: number, tr: Translator): string {
  if (seconds < 20) return tr.t("tasks.typical.fewSeconds");
  if (seconds < 90) return tr.t("tasks.typical.seconds", { seconds: String(Math.round(seconds / 10) * 10) });
  return tr.t("tasks.typical.minutes", { minutes: String(Math.round(seconds / 60)) });
}

/**
 * A progress estimate for a running task: linear up to the typical time, then creeping towards (but
 * never reaching) the end, because a slow task is not a finished one.
 */
export function estimatedProgress(elapsed: number, typical: number): number {
  if (typical <= 0) return 0;
  const ratio = elapsed / typical;
  if (ratio <= 0.9) return Math.max(0, ratio);
  return 0.99 - 0.09 * Math.exp(-(ratio - 0.9) * 2);
}

export type FailureKind = "moderation" | "capability" | "upstream" | "other";

/**
 * Sorts the server's failure message into one of the three causes creators can act on. The message
 * wording comes from Kling (task_status_msg, business codes) or from our server, so it matches words
 * rather than exact strings.
 */
export function failureKind(message: string): FailureKind {
  if (/moderat|safety|sensitive|policy|risk|1301|1300/i.test(message)) return "moderation";
  if (/5\d{3}\b|unavailable|timed? ?out|timeout|internal|upstream|fault|overload|try again later/i.test(message)) return "upstream";
  if (/support|capabilit|needs |invalid|parameter|not allowed|cannot be combined|mask|trajectory|aspect|1201|1200|rule/i.test(message)) {
    return "capability";
  }
  return "other";
}

/** Status codes (lib/server/tasks/task-sync.ts) that say the cause outright; checked in order. */
const CODE_KINDS: ReadonlyArray<[RegExp, FailureKind]> = [
  [/^(kling-130[01]|content-moderation|policy-blocked)$/, "moderation"],
  [/^(kling-(1103|1200|1201|1203)|upstream-(rejected|not-found|permission))$/, "capability"],
  [/^(kling-\d+|upstream-(?!failed$).+)$/, "upstream"],
];

/**
 * The cause of a failed task: from its stable status code when that says it, else from the words
 * (upstream-failed carries Kling's free text; older tasks have no code).
 */
export function failureKindOf(task: Pick<Task, "statusCode" | "statusMessage">): FailureKind {
  const byCode = CODE_KINDS.find(([pattern]) => pattern.test(task.statusCode));
  return byCode ? byCode[1] : failureKind(task.statusMessage);
}
