import { describe, expect, it } from "vitest";
import { accountSchema, remainingUnits } from "./account-api";

const budget = (monthlyUnits: number | null, usedUnits: number, reservedUnits: number) => ({ monthlyUnits, usedUnits, reservedUnits, periodStart: "2026-12-01T00:00:00.000Z" });

describe("account budget", () => {
  it("counts used and reserved units against the month's budget, never below zero", () => {
    expect(remainingUnits(budget(10, 3.5, 3.5))).toBe(3);
    expect(remainingUnits(budget(10, 0.1, 0.2))).toBe(9.7);
    expect(remainingUnits(budget(5, 4, 3.5))).toBe(0);
    expect(remainingUnits(budget(null, 40, 0))).toBeNull();
  });

  it("reads the accounts branch's body and refuses one without a budget", () => {
    const body = { user: { id: "u1", role: "member", email: "a@example.com" }, budget: budget(10, 1, 0) };
    expect(accountSchema.parse(body).budget.monthlyUnits).toBe(10);
    expect(accountSchema.safeParse({ user: { id: "u1" } }).success).toBe(false);
  });
});
