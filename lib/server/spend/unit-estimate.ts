import "server-only";
import { estimateFrom } from "@/lib/server/tasks/estimates";
import type { TaskSample } from "@/lib/server/tasks/owned-task-store";
import { estimateUnits, type UnitEstimate, type UnitKey } from "@/lib/spend/unit-table";

/**
 * The units to reserve for a run: the assumed table (lib/spend/unit-table.ts) refined by the medians
 * of the user's own finished runs, computed exactly as `/api/estimates` computes them.
 * `samples` are the user's succeeded tasks of the provider, newest first.
 */
export function estimateRunUnits(samples: readonly TaskSample[], key: UnitKey): UnitEstimate {
  return estimateUnits(key, estimateFrom(samples, key));
}
