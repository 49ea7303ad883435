import type { KlingCreateRequest } from "@/lib/kling/wire-schema";
import * as z from "@/lib/validation/zod";
import { PROVIDERS, type Recipe } from "@/lib/recipe/schema";
import { requestJson } from "./api";

/**
 * The request view's client for `POST /api/tasks/dry-run`: the body Generate would send, built by the
 * server (masks rasterised), nothing spent. Kept apart from api.ts so it loads only with the request view.
 */

/** The server built the body with the Kling contract's schema; the browser only needs it to be an object. */
const requestBody = z.custom<KlingCreateRequest>((value) => typeof value === "object" && value !== null && !Array.isArray(value));

const dryRunSchema = z.object({
  request: z.object({ provider: z.enum(PROVIDERS), method: z.literal("POST"), path: z.string(), body: requestBody }),
});
export type DryRun = z.infer<typeof dryRunSchema>["request"];

export async function dryRunTask(recipe: Recipe, signal?: AbortSignal): Promise<DryRun> {
  const { request } = await requestJson("/api/tasks/dry-run", dryRunSchema, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(recipe),
    signal,
  });
  return request;
}

/** The mask PNGs a body carries, in the order Kling reads them: the static mask, then region 1…6. */
export type SentMask = { kind: "static" } | { kind: "region"; index: number };
export function sentMasks(body: KlingCreateRequest): Array<SentMask & { base64: string }> {
  const regions = (body.dynamic_masks ?? []).map((group, index) => ({ kind: "region" as const, index, base64: group.mask }));
  return body.static_mask ? [{ kind: "static" as const, base64: body.static_mask }, ...regions] : regions;
}
