import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ESTIMATE_WINDOW, estimateFrom, generationSeconds, median, parseUnits, type EstimateKey } from "./estimates";
import type { TaskSample } from "./owned-task-store";

const KEY: EstimateKey = { model: "kling-v1", mode: "std", duration: "5" };
const T0 = Date.parse("2026-11-27T10:00:00.000Z");
const iso = (offsetS: number) => new Date(T0 + offsetS * 1000).toISOString();

function sample(overrides: Partial<TaskSample> & { seconds?: number; key?: Partial<EstimateKey> } = {}): TaskSample {
  const { seconds = 10, key = {}, ...rest } = overrides;
  return {
    recipe_json: JSON.stringify({ version: 1, ...KEY, ...key }),
    created_at: iso(-5),
    submitted_at: iso(0),
    finished_at: iso(seconds),
    units: "1",
    ...rest,
  };
}

describe("median", () => {
  it.each([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000], 10],
  ])("median(%j) = %j", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it("lies between the smallest and the largest value and ignores order", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
        const m = median(values)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        expect(median([...values].reverse())).toBe(m);
      }),
    );
  });
});

describe("generationSeconds", () => {
  it.each<[string, Pick<TaskSample, "created_at" | "submitted_at" | "finished_at">, number | null]>([
    ["from submission, not creation (queue time is not generation)", { created_at: iso(-100), submitted_at: iso(0), finished_at: iso(42) }, 42],
    ["from creation when never marked submitted", { created_at: iso(0), submitted_at: null, finished_at: iso(8) }, 8],
    ["unfinished", { created_at: iso(0), submitted_at: iso(0), finished_at: null }, null],
    ["finished before it started (clock skew)", { created_at: iso(0), submitted_at: iso(10), finished_at: iso(5) }, null],
    ["unreadable times", { created_at: "nope", submitted_at: null, finished_at: iso(5) }, null],
  ])("%s", (_name, input, expected) => {
    expect(generationSeconds(input)).toBe(expected);
  });
});

describe("parseUnits", () => {
  it.each([
    ["1", 1],
    ["0.5", 0.5],
    ["0", 0],
    [" 2 ", 2],
    ["", null],
    ["-1", null],
    ["abc", null],
    [null, null],
  ])("parseUnits(%j) = %j", (input, expected) => {
    expect(parseUnits(input)).toBe(expected);
  });
});

describe("estimateFrom", () => {
  it("says nothing when there is no history", () => {
    expect(estimateFrom([], KEY)).toEqual({ samples: 0, typicalSeconds: null, typicalUnits: null });
  });

  it("uses only tasks with the same model, mode and duration", () => {
    const samples = [
      sample({ seconds: 100, units: "9", key: { model: "kling-v1-6" } }),
      sample({ seconds: 100, units: "9", key: { mode: "pro" } }),
      sample({ seconds: 100, units: "9", key: { duration: "10" } }),
      sample({ seconds: 4, units: "1" }),
      sample({ seconds: 6, units: "2" }),
      sample({ seconds: 30, units: "2" }),
    ];
    expect(estimateFrom(samples, KEY)).toEqual({ samples: 3, typicalSeconds: 6, typicalUnits: 2 });
    expect(estimateFrom(samples, { ...KEY, mode: "pro" })).toEqual({ samples: 1, typicalSeconds: 100, typicalUnits: 9 });
    expect(estimateFrom(samples, { ...KEY, model: "kling-v2-master" }).samples).toBe(0);
  });

  it("reports time even when the upstream never reported units (and never invents them)", () => {
    const estimate = estimateFrom([sample({ seconds: 12.34, units: null }), sample({ seconds: 12.34, units: "n/a" })], KEY);
    expect(estimate).toEqual({ samples: 2, typicalSeconds: 12.3, typicalUnits: null });
  });

  it("counts only the newest tasks of the window", () => {
    const recent = Array.from({ length: ESTIMATE_WINDOW }, () => sample({ seconds: 5, units: "1" }));
    const old = Array.from({ length: 20 }, () => sample({ seconds: 500, units: "50" }));
    expect(estimateFrom([...recent, ...old], KEY)).toEqual({ samples: ESTIMATE_WINDOW, typicalSeconds: 5, typicalUnits: 1 });
  });

  it("skips a row whose recipe cannot be read", () => {
    expect(estimateFrom([sample({ recipe_json: "{broken" }), sample({ seconds: 3 })], KEY)).toMatchObject({ samples: 1, typicalSeconds: 3 });
  });
});
