import * as z from "@/lib/validation/zod";
import { recipeSchema, type Duration, type Mode, type ModelName, type Provider } from "@/lib/recipe/schema";
import { publicTaskSchema, type Task } from "@/lib/tasks/public-task";
import { expectBody, requestJson, sendJson } from "./api";
import type { Translator } from "@/lib/text/translator";

/**
 * The browser's client for the library, share links and estimates (design.md §2 plus
 * `DELETE /api/tasks/:id`, `GET|POST /api/tasks/:id/share`, `GET|DELETE /api/shares/:slug`,
 * `GET /api/estimates`). Failures are `ApiError`s, like the editor's client.
 */

export const shareSummarySchema = z.object({ slug: z.string(), url: z.string(), showPrompt: z.boolean(), createdAt: z.string() });
export type ShareSummary = z.infer<typeof shareSummarySchema>;

const shareFrameSchema = z.object({ width: z.int().check(z.positive()), height: z.int().check(z.positive()), url: z.string() });
const remixFrameSchema = z.extend(shareFrameSchema, { assetId: z.string() });
/** `POST /api/shares/:slug/remix`: the shared recipe, its frames now the caller's own assets. */
export const remixSchema = z.object({ recipe: recipeSchema, frames: z.object({ start: z.nullable(remixFrameSchema), tail: z.nullable(remixFrameSchema) }) });
export type Remix = z.infer<typeof remixSchema>;
export const publicShareSchema = z.extend(shareSummarySchema, {
  recipe: recipeSchema,
  frames: z.object({ start: z.nullable(shareFrameSchema), tail: z.nullable(shareFrameSchema) }),
  video: z.object({ url: z.string(), posterUrl: z.string(), durationS: z.number(), width: z.number(), height: z.number() }),
});
export type PublicShare = z.infer<typeof publicShareSchema>;

export const estimateSchema = z.object({ samples: z.int().check(z.minimum(0)), typicalSeconds: z.nullable(z.number()), typicalUnits: z.nullable(z.number()) });
export type Estimate = z.infer<typeof estimateSchema>;
export type EstimateQuery = { provider?: Provider; model: ModelName; mode: Mode; duration: Duration };

const segment = encodeURIComponent;

/** Deletes a finished task with its video, poster and links. */
export async function deleteTask(id: string): Promise<void> {
  await sendJson(`/api/tasks/${segment(id)}`, { method: "DELETE" });
}

/** Renames a task; "" goes back to the title from its prompt. Too long a title is an ApiError on `title`. */
export async function renameTask(id: string, title: string): Promise<Task> {
  const init = { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ title }) };
  return (await requestJson(`/api/tasks/${segment(id)}`, z.object({ task: publicTaskSchema }), init)).task;
}

/** Shares a finished task; sharing again returns its live link (`created: false`) with the new setting. */
export async function createShare(taskId: string, showPrompt: boolean): Promise<{ share: ShareSummary; created: boolean }> {
  const { status, body } = await sendJson(`/api/tasks/${segment(taskId)}/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ showPrompt }),
  });
  const { share } = expectBody(z.object({ share: shareSummarySchema }), body, status);
  return { share, created: status === 201 };
}

export async function listShares(taskId: string): Promise<ShareSummary[]> {
  return (await requestJson(`/api/tasks/${segment(taskId)}/share`, z.object({ shares: z.array(shareSummarySchema) }))).shares;
}

export async function revokeShare(slug: string): Promise<void> {
  await sendJson(`/api/shares/${segment(slug)}`, { method: "DELETE" });
}

/** Copies a shared recipe into the caller's work (frames become their assets); 404 for a dead link. */
export async function remixShare(slug: string, signal?: AbortSignal): Promise<Remix> {
  // A JSON body, so the request passes the same content-type check as every other state-changing call.
  return requestJson(`/api/shares/${segment(slug)}/remix`, remixSchema, { method: "POST", headers: { "content-type": "application/json" }, body: "{}", signal });
}

export async function getPublicShare(slug: string, signal?: AbortSignal): Promise<PublicShare> {
  return (await requestJson(`/api/shares/${segment(slug)}`, z.object({ share: publicShareSchema }), { signal })).share;
}

export function estimatePath(query: EstimateQuery): string {
  const params = new URLSearchParams({ model: query.model, mode: query.mode, duration: query.duration });
  if (query.provider) params.set("provider", query.provider);
  return `/api/estimates?${params.toString()}`;
}

export async function getEstimate(query: EstimateQuery, signal?: AbortSignal): Promise<Estimate> {
  return requestJson(estimatePath(query), estimateSchema, { signal });
}

export function taskPosterUrl(id: string): string {
  return `/api/tasks/${segment(id)}/poster`;
}

/** Share URLs are relative unless the server knows its public address; copy them absolute. */
export function absoluteUrl(url: string, origin: string): string {
  return new URL(url, origin).toString();
}

/**
 * Generation time as the server's estimates count it (lib/server/tasks/estimates.ts): from the upstream
 * accepting the task (or its creation) to its end. Null while it runs.
 */
export function generationSeconds(task: Pick<Task, "createdAt" | "submittedAt" | "finishedAt">): number | null {
  if (!task.finishedAt) return null;
  const start = Date.parse(task.submittedAt ?? task.createdAt);
  const end = Date.parse(task.finishedAt);
  return Number.isFinite(start) && Number.isFinite(end) && end >= start ? (end - start) / 1000 : null;
}

/** "4.2 s", "38 s", "2:41": short times keep a decimal, long ones read like a clock (in every language). */
export function formatSeconds(seconds: number, tr: Translator): string {
  // Passed as strings so ICU does not regroup or round them: the rounding here is the display rule.
  if (seconds < 10) return tr.t("units.seconds", { seconds: String(Math.round(seconds * 10) / 10) });
  if (seconds < 60) return tr.t("units.seconds", { seconds: String(Math.round(seconds)) });
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

export function formatUnits(units: number, tr: Translator): string {
  return tr.t("units.units", { units });
}

/** The settings panel's words for an estimate: only what history shows, "No data yet" otherwise. */
export function describeEstimate(estimate: Estimate, tr: Translator): { headline: string; detail: string } {
  if (estimate.samples === 0) return { headline: tr.t("estimate.noData"), detail: tr.t("estimate.noDataDetail") };
  const parts = [
    estimate.typicalSeconds !== null ? tr.t("estimate.about", { time: formatSeconds(estimate.typicalSeconds, tr) }) : null,
    estimate.typicalUnits !== null ? formatUnits(estimate.typicalUnits, tr) : null,
  ].filter((part): part is string => part !== null);
  const detail = estimate.samples === 1 ? tr.t("estimate.fromOne") : tr.t("estimate.median", { count: estimate.samples });
  const headline = parts.length > 0 ? tr.t("estimate.typically", { parts: parts.join(tr.t("estimate.separator")) }) : tr.t("estimate.noTiming");
  return { headline, detail };
}
