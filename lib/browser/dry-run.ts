import { z } from "zod";
import { klingCreateRequestSchema, type KlingCreateRequest } from "@/lib/kling/contract";
import { PROVIDERS, type Recipe } from "@/lib/recipe/schema";
import { requestJson } from "./api";

/**
 * The request view's client for `POST /api/tasks/dry-run`: the body Generate would send, built by the
 * server (masks rasterised), nothing spent. Kept apart from api.ts so the contract schema loads only
 * with the request view.
 */

const dryRunSchema = z.object({
  request: z.object({ provider: z.enum(PROVIDERS), method: z.literal("POST"), path: z.string(), body: klingCreateRequestSchema }),
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
