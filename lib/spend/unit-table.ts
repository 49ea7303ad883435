import type { Duration, Mode, ModelName } from "@/lib/recipe/schema";

/**
 * Estimated Kling units per run, before a run has any history to go on. ASSUMED, not official: Kling
 * publishes no per-model unit table in the material we hold (/work/shared/kling-api.md §10). The 5 s
 * figures follow third-party reports of the API resource-pack prices (std ≈ 1–2 units, pro ≈ 3.5, the
 * "master" models ≈ 10 with no std/pro difference); 10 s is twice 5 s. Every source agrees that pro and
 * 10 s cost more, which the table keeps. Rounded up where sources differ: a reservation that is too high
 * is released at settlement, one that is too low lets a member overshoot the budget.
 * Pure: the editor's confirmation and the server's reservation use the same numbers.
 */
export type UnitKey = { model: ModelName; mode: Mode; duration: Duration };

const FIVE_SECONDS: Record<ModelName, Record<Mode, number>> = {
  "kling-v1": { std: 1, pro: 3.5 },
  "kling-v1-5": { std: 2, pro: 3.5 },
  "kling-v1-6": { std: 2, pro: 3.5 },
  "kling-v2-master": { std: 10, pro: 10 },
  "kling-v2-1": { std: 2, pro: 3.5 },
  "kling-v2-1-master": { std: 10, pro: 10 },
  "kling-v2-5-turbo": { std: 1.5, pro: 2.5 },
  "kling-v2-6": { std: 2, pro: 3.5 },
};

const DURATION_FACTOR: Record<Duration, number> = { "5": 1, "10": 2 };

export function tableUnits(key: UnitKey): number {
  return FIVE_SECONDS[key.model][key.mode] * DURATION_FACTOR[key.duration];
}

/** What the user's own finished runs of this key charged (see lib/server/tasks/estimates.ts). */
export type UnitHistory = { samples: number; typicalUnits: number | null };
export type UnitEstimate = { units: number; source: "history" | "table" };

/** From this many matching runs on, their median replaces the table (a few runs may be outliers). */
export const HISTORY_TRUSTED = 3;

/**
 * The units a run is expected to cost: the user's median once it rests on HISTORY_TRUSTED runs,
 * the larger of table and median before that (an early cheap run must not shrink the reservation),
 * the table alone without history.
 */
export function estimateUnits(key: UnitKey, history: UnitHistory | null): UnitEstimate {
  const table = tableUnits(key);
  const typical = history?.typicalUnits ?? null;
  if (typical === null || !history) return { units: table, source: "table" };
  if (history.samples >= HISTORY_TRUSTED) return { units: typical, source: "history" };
  return typical > table ? { units: typical, source: "history" } : { units: table, source: "table" };
}
