import "server-only";
import { z } from "zod";
import type { Duration, Mode, ModelName } from "@/lib/recipe/schema";
import type { TaskSample } from "./owned-task-store";

/**
 * "How long, and how many units?" answered from the user's own finished tasks only: medians of what
 * actually happened, never a price list or a guess. Null when there is nothing to go on.
 */
export type Estimate = { samples: number; typicalSeconds: number | null; typicalUnits: number | null };
export type EstimateKey = { model: ModelName; mode: Mode; duration: Duration };

/** Recent history only: generation speed and pricing drift, so old tasks stop counting. */
export const ESTIMATE_WINDOW = 50;
/** How many of a provider's latest successes are scanned for matches (the key lives in the recipe JSON). */
export const ESTIMATE_SCAN = 1000;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Generation time: from the upstream accepting the task to our server seeing it finished. Time spent
 * queued behind the account's concurrency limit is not generation, so it starts at `submitted_at`
 * (falling back to creation for tasks adopted without one).
 */
export function generationSeconds(sample: Pick<TaskSample, "created_at" | "submitted_at" | "finished_at">): number | null {
  if (!sample.finished_at) return null;
  const start = Date.parse(sample.submitted_at ?? sample.created_at);
  const end = Date.parse(sample.finished_at);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return null;
  return (end - start) / 1000;
}

/** `final_unit_deduction` is a string upstream; anything that is not a plain non-negative number is skipped. */
export function parseUnits(units: string | null): number | null {
  if (units === null || units.trim() === "") return null;
  const value = Number(units);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** Only the fields an estimate compares; a sample whose recipe does not read is skipped. */
const sampleKeySchema = z.object({ model: z.string().optional(), mode: z.string().optional(), duration: z.string().optional() });

function matches(sample: TaskSample, key: EstimateKey): boolean {
  let value: unknown;
  try {
    value = JSON.parse(sample.recipe_json) as unknown;
  } catch {
    return false;
  }
  const recipe = sampleKeySchema.safeParse(value);
  return recipe.success && recipe.data.model === key.model && recipe.data.mode === key.mode && recipe.data.duration === key.duration;
}

function round(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** Samples are newest first (see TaskStore.listSucceeded); the first ESTIMATE_WINDOW matches count. */
export function estimateFrom(samples: readonly TaskSample[], key: EstimateKey): Estimate {
  const recent = samples.filter((sample) => matches(sample, key)).slice(0, ESTIMATE_WINDOW);
  const seconds = recent.map(generationSeconds).filter((value): value is number => value !== null);
  const units = recent.map((sample) => parseUnits(sample.units)).filter((value): value is number => value !== null);
  return {
    samples: recent.length,
    // Tenths of a second and hundredths of a unit: finer digits would be noise, not information.
    typicalSeconds: round(median(seconds), 1),
    typicalUnits: round(median(units), 2),
  };
}
