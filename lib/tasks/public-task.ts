import * as z from "@/lib/validation/zod";
import { TASK_STATUSES as KLING_TASK_STATUSES } from "@/lib/kling/contract";
import { PROVIDERS, recipeSchema } from "@/lib/recipe/schema";

/**
 * The Task of the public API (design.md §2), defined once: the server builds it (lib/server/tasks/
 * public-task.ts), the browser parses it (lib/browser/api.ts). No upstream URL, token or key is part of it.
 */

/** Our task statuses: Kling's four (lib/kling/contract.ts) plus "queued", before the upstream has it. */
export const TASK_STATUSES = ["queued", ...KLING_TASK_STATUSES] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const UNFINISHED_STATUSES = ["queued", "submitted", "processing"] as const satisfies readonly TaskStatus[];
export type FinishedStatus = Exclude<TaskStatus, (typeof UNFINISHED_STATUSES)[number]>;

/** A task that succeeded or failed never changes again. */
export function isFinished(status: string): status is FinishedStatus {
  return status === "succeed" || status === "failed";
}

// A field an older server omits or sends as null reads as "" or null, so the browser keeps working across a deploy.
const text = z.pipe(z.nullish(z.string()), z.transform((value) => value ?? ""));
const optionalText = z.pipe(z.nullish(z.string()), z.transform((value) => value ?? null));

export const taskVideoSchema = z.object({ url: z.string(), durationS: z.number(), width: z.number(), height: z.number() });
export type TaskVideo = z.infer<typeof taskVideoSchema>;

export const publicTaskSchema = z.object({
  id: z.string(),
  /** The library's name for it: from the prompt unless renamed; "" = untitled (or an older server). */
  title: text,
  status: z.enum(TASK_STATUSES),
  statusMessage: text,
  /** Stable code behind statusMessage, for clients that show it in another language; "" when none. */
  statusCode: text,
  provider: z.enum(PROVIDERS),
  recipe: recipeSchema,
  video: z.nullable(taskVideoSchema),
  upstreamTaskId: optionalText,
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: optionalText,
  finishedAt: optionalText,
  unitsCharged: optionalText,
});
/** What the server sends and the browser holds after parsing. */
export type Task = z.output<typeof publicTaskSchema>;
