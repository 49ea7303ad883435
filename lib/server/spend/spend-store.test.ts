import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/app-error";
import { createSpendService } from "./spend-service";
import { createSpendStore, type ReserveInput } from "./spend-store";
import { tempDatabases } from "./testing";

let env: Awaited<ReturnType<typeof tempDatabases>>;
beforeEach(async () => {
  env = await tempDatabases();
});
afterEach(async () => {
  await env.cleanup();
});

const NOW = new Date("2026-12-15T12:00:00.000Z");
const input = (over: Partial<ReserveInput> = {}): ReserveInput => ({
  taskId: "tsk_1",
  userId: "alice",
  units: 3.5,
  monthlyBudget: 10,
  workspaceCap: null,
  now: NOW,
  ...over,
});

describe("spend store", () => {
  it("reserves within the member budget and reports usage for the calendar month", async () => {
    const store = createSpendStore(env.db);
    expect(await store.reserve(input())).toEqual({ ok: true, units: 3.5 });
    expect(await store.reserve(input({ taskId: "tsk_2" }))).toEqual({ ok: true, units: 3.5 });
    expect(await store.reserve(input({ taskId: "tsk_3" }))).toEqual({ ok: false, limit: "member", units: 3.5, budget: 10, spent: 7 });
    expect(await store.usage("alice", NOW)).toEqual({ usedUnits: 0, reservedUnits: 7, periodStart: "2026-12-01T00:00:00.000Z" });
    // Another member's budget is their own.
    expect(await store.reserve(input({ taskId: "tsk_b", userId: "bob" }))).toEqual({ ok: true, units: 3.5 });
  });

  it("settles a reservation at the final deduction and frees a released one", async () => {
    const store = createSpendStore(env.db);
    await store.reserve(input());
    await store.reserve(input({ taskId: "tsk_2" }));
    expect(await store.settle("tsk_1", 1.25, NOW)).toBe(true);
    expect(await store.release("tsk_2", NOW)).toBe(true);
    expect(await store.release("tsk_1", NOW)).toBe(false);
    expect(await store.settle("tsk_unknown", 1, NOW)).toBe(false);
    expect(await store.usage("alice", NOW)).toMatchObject({ usedUnits: 1.25, reservedUnits: 0 });
    // 1.25 used: 8.75 left, so two more 3.5-unit runs fit and a third does not.
    expect((await store.reserve(input({ taskId: "tsk_3" }))).ok).toBe(true);
    expect((await store.reserve(input({ taskId: "tsk_4" }))).ok).toBe(true);
    expect(await store.reserve(input({ taskId: "tsk_5" }))).toMatchObject({ ok: false, spent: 8.25 });
  });

  it("keeps the reserved amount as the charge when the deduction is unknown", async () => {
    const store = createSpendStore(env.db);
    await store.reserve(input());
    await store.settle("tsk_1", null, NOW);
    expect(await store.usage("alice", NOW)).toMatchObject({ usedUnits: 3.5, reservedUnits: 0 });
  });

  it("does not charge a task twice when it is reserved again", async () => {
    const store = createSpendStore(env.db);
    await store.reserve(input());
    expect(await store.reserve(input({ units: 5 }))).toEqual({ ok: true, units: 3.5 });
    expect(await store.usage("alice", NOW)).toMatchObject({ reservedUnits: 3.5 });
  });

  it("starts a new budget on the first of the month (UTC)", async () => {
    const store = createSpendStore(env.db);
    await store.reserve(input({ units: 10, now: new Date("2026-11-30T23:59:59.000Z") }));
    const december = new Date("2026-12-01T00:00:00.000Z");
    expect((await store.reserve(input({ taskId: "tsk_2", units: 10, now: december }))).ok).toBe(true);
    expect(await store.usage("alice", december)).toEqual({ usedUnits: 0, reservedUnits: 10, periodStart: "2026-12-01T00:00:00.000Z" });
  });

  it("holds the workspace cap across members, and no budget means no member limit", async () => {
    const store = createSpendStore(env.db);
    expect((await store.reserve(input({ monthlyBudget: null, workspaceCap: 8, units: 5 }))).ok).toBe(true);
    expect(await store.reserve(input({ taskId: "tsk_b", userId: "bob", monthlyBudget: null, workspaceCap: 8, units: 5 }))).toEqual({
      ok: false,
      limit: "workspace",
      units: 5,
      budget: 8,
      spent: 5,
    });
    expect((await store.reserve(input({ taskId: "tsk_c", userId: "bob", monthlyBudget: null, workspaceCap: 8, units: 3 }))).ok).toBe(true);
  });

  it("lets exactly 3 of 20 parallel reserves through a budget of 3 runs, in one process", async () => {
    const store = createSpendStore(env.db);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.reserve(input({ taskId: `tsk_${i}`, units: 3.5, monthlyBudget: 10.5 }))));
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(await store.usage("alice", NOW)).toMatchObject({ reservedUnits: 10.5 });
  });

  it("lets exactly 3 of 20 parallel reserves through, split over two connections to one file", async () => {
    const stores = [createSpendStore(env.db), createSpendStore(env.other)];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => stores[i % 2]!.reserve(input({ taskId: `tsk_${i}`, units: 1, monthlyBudget: null, workspaceCap: 3 }))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(await stores[1]!.usage("alice", NOW)).toMatchObject({ reservedUnits: 3 });
  });
});

describe("spend service", () => {
  const key = { model: "kling-v1", mode: "pro", duration: "5" } as const;

  it("refuses with a 402 stating the run's units and what is left", async () => {
    const spend = createSpendService(createSpendStore(env.db), { workspaceCap: null });
    const run = { userId: "alice", key, history: [], monthlyBudget: 5.5, now: NOW };
    expect(await spend.reserveRun({ ...run, taskId: "tsk_1" })).toEqual({ units: 3.5 });
    const refusal = await spend.reserveRun({ ...run, taskId: "tsk_2" }).catch((error: unknown) => error);
    expect(AppError.is(refusal)).toBe(true);
    expect(refusal).toMatchObject({
      status: 402,
      code: "budget-exceeded",
      message: "This run needs about 3.5 of your units; you have 2 of 5.5 left this month.",
      extras: { detail: { limit: "member", units: 3.5, remaining: 2, budget: 5.5 } },
    });
  });

  it("names the workspace cap when that is what stops the run", async () => {
    const spend = createSpendService(createSpendStore(env.db), { workspaceCap: 4 });
    const run = { userId: "alice", key, history: [], monthlyBudget: null, now: NOW };
    await spend.reserveRun({ ...run, taskId: "tsk_1" });
    await expect(spend.reserveRun({ ...run, taskId: "tsk_2" })).rejects.toMatchObject({
      status: 402,
      message: "This run needs about 3.5 of the workspace's units; it has 0.5 of its 4 monthly units left.",
    });
  });

  it("reserves from the user's history once it is trusted, and settles at Kling's final deduction", async () => {
    const spend = createSpendService(createSpendStore(env.db), { workspaceCap: null });
    const sample = (units: string) => ({
      recipe_json: JSON.stringify(key),
      created_at: "2026-12-01T10:00:00.000Z",
      submitted_at: "2026-12-01T10:00:01.000Z",
      finished_at: "2026-12-01T10:02:00.000Z",
      units,
    });
    const history = [sample("2"), sample("2"), sample("2.5")];
    expect(await spend.reserveRun({ taskId: "tsk_1", userId: "alice", key, history, monthlyBudget: 10, now: NOW })).toEqual({ units: 2 });
    await spend.settleRun("tsk_1", "2.5", NOW);
    expect(await spend.usage("alice", NOW)).toMatchObject({ usedUnits: 2.5, reservedUnits: 0 });
    await spend.reserveRun({ taskId: "tsk_2", userId: "alice", key, history, monthlyBudget: 10, now: NOW });
    await spend.releaseRun("tsk_2", NOW);
    expect(await spend.usage("alice", NOW)).toMatchObject({ usedUnits: 2.5, reservedUnits: 0 });
  });
});
