"use client";

import useSWR, { mutate, type SWRResponse } from "swr";
import type { ApiError } from "@/lib/browser/api";
import { estimatePath, getEstimate, type Estimate, type EstimateQuery } from "@/lib/browser/library-api";

const ESTIMATE_PREFIX = "/api/estimates";

/** Typical time and units for the chosen settings, from the user's own finished tasks. */
export function useEstimate(query: EstimateQuery | null): SWRResponse<Estimate, ApiError> {
  return useSWR<Estimate, ApiError>(query ? estimatePath(query) : null, () => getEstimate(query!), {
    revalidateOnFocus: false,
    keepPreviousData: true,
  });
}

/** Call when a task finishes, so the settings panel's estimate includes it. */
export function refreshEstimates(): Promise<unknown> {
  return mutate((key) => typeof key === "string" && key.startsWith(ESTIMATE_PREFIX));
}
