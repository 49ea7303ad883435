import { describe, expect, it } from "vitest";
import { DURATIONS, MODEL_NAMES, MODES } from "@/lib/recipe/schema";
import { estimateUnits, tableUnits } from "./unit-table";

describe("unit table", () => {
  it("charges more for pro than std (or the same for master models) and for 10 s than 5 s", () => {
    for (const model of MODEL_NAMES) {
      for (const duration of DURATIONS) expect(tableUnits({ model, mode: "pro", duration })).toBeGreaterThanOrEqual(tableUnits({ model, mode: "std", duration }));
      for (const mode of MODES) expect(tableUnits({ model, mode, duration: "10" })).toBeGreaterThan(tableUnits({ model, mode, duration: "5" }));
    }
    expect(tableUnits({ model: "kling-v1", mode: "pro", duration: "10" })).toBe(7);
  });

  it("follows the user's median once three runs back it, and only upwards before that", () => {
    const key = { model: "kling-v1-6", mode: "std", duration: "5" } as const;
    expect(estimateUnits(key, null)).toEqual({ units: 2, source: "table" });
    expect(estimateUnits(key, { samples: 4, typicalUnits: null })).toEqual({ units: 2, source: "table" });
    expect(estimateUnits(key, { samples: 3, typicalUnits: 1.5 })).toEqual({ units: 1.5, source: "history" });
    expect(estimateUnits(key, { samples: 1, typicalUnits: 1 })).toEqual({ units: 2, source: "table" });
    expect(estimateUnits(key, { samples: 1, typicalUnits: 3 })).toEqual({ units: 3, source: "history" });
  });
});
