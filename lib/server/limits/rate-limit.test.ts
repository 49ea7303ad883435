import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorResponse, AppError } from "@/lib/server/app-error";
import { tempDatabases } from "@/lib/server/spend/testing";
import { createRateLimitStore } from "./rate-limit";
import { createRateLimiter, ratePolicies } from "./rate-policies";

let env: Awaited<ReturnType<typeof tempDatabases>>;
beforeEach(async () => {
  env = await tempDatabases();
});
afterEach(async () => {
  await env.cleanup();
});

const MINUTE = 60_000;
const T0 = 1_800_000_000_000 - (1_800_000_000_000 % MINUTE); // a window boundary

describe("rate limit store", () => {
  it("allows `limit` hits in a window, then says how long to wait", async () => {
    const store = createRateLimitStore(env.db);
    for (let i = 0; i < 3; i += 1) expect(await store.hit("k", 3, MINUTE, T0 + 1000)).toEqual({ allowed: true, retryAfterS: 0 });
    const refused = await store.hit("k", 3, MINUTE, T0 + 1000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterS).toBeGreaterThan(59);
    // Other keys are separate.
    expect((await store.hit("other", 3, MINUTE, T0 + 1000)).allowed).toBe(true);
  });

  it("slides: a full previous window still weighs at the start of the next and fades out", async () => {
    const store = createRateLimitStore(env.db);
    for (let i = 0; i < 3; i += 1) await store.hit("k", 3, MINUTE, T0 + 59_000);
    // Just after the boundary, the previous 3 hits nearly all still count.
    expect((await store.hit("k", 3, MINUTE, T0 + MINUTE + 1000)).allowed).toBe(false);
    // Late in the next window their weight has faded: 3 × 0.1 + 2 (one refused, this one) ≤ 3.
    expect((await store.hit("k", 3, MINUTE, T0 + MINUTE + 54_000)).allowed).toBe(true);
    // Two windows later nothing remains.
    expect(await store.hit("k", 3, MINUTE, T0 + 3 * MINUTE)).toEqual({ allowed: true, retryAfterS: 0 });
  });

  it("lets exactly `limit` of 20 parallel hits through, in one process and over two connections", async () => {
    const one = createRateLimitStore(env.db);
    const single = await Promise.all(Array.from({ length: 20 }, () => one.hit("a", 5, MINUTE, T0)));
    expect(single.filter((hit) => hit.allowed)).toHaveLength(5);
    const stores = [one, createRateLimitStore(env.other)];
    const split = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.hit("b", 5, MINUTE, T0)));
    expect(split.filter((hit) => hit.allowed)).toHaveLength(5);
  });
});

describe("rate policies", () => {
  const policies = ratePolicies({ RATE_TASKS_PER_MINUTE: 2, RATE_PREVIEW_TASKS_PER_MINUTE: 20, RATE_UPLOADS_PER_HOUR: 200, RATE_DRY_RUNS_PER_MINUTE: 120 });

  it("answers 429 rate-limited with Retry-After once a policy is used up", async () => {
    const limiter = createRateLimiter(createRateLimitStore(env.db), policies);
    await limiter.enforce("task-create", "usr_a", T0);
    await limiter.enforce("task-create", "usr_a", T0);
    const error = await limiter.enforce("task-create", "usr_a", T0).catch((caught: unknown) => caught);
    expect(AppError.is(error)).toBe(true);
    const response = errorResponse(error as AppError);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate-limited");
    expect(body.error.message).toMatch(/^Too many videos started: at most 2 in a minute\. Try again in \d+ s\.$/);
    // The same subject under another policy has its own count.
    await expect(limiter.enforce("preview-task", "usr_a", T0)).resolves.toBeUndefined();
  });
});
