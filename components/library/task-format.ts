import type { LibraryTask } from "@/lib/client/library-api";

/** Absolute dates: the library is a record, and absolute times stay true after the page is left open. */
const dateFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
const longDateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function formatCreated(iso: string, long = false): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? (long ? longDateFormat : dateFormat).format(time) : "";
}

export const PROVIDER_LABEL: Record<LibraryTask["provider"], string> = { preview: "Preview", kling: "Kling" };

export function taskTitle(task: Pick<LibraryTask, "recipe">): string {
  return task.recipe.prompt.trim() || "Untitled";
}
