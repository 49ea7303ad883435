import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./task-sync";

describe("backoff of a task the upstream could not take", () => {
  const backoff = (random: number) => ({ baseMs: 1_000, capMs: 8_000, random: () => random });

  it("doubles per attempt, with at least half the delay and jitter over the other half", () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, backoff(0)))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, backoff(0.999999)))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("stops growing at the cap", () => {
    expect(backoffDelayMs(30, backoff(0.5))).toBe(6_000);
  });
});
