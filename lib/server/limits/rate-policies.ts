import "server-only";
import { AppError } from "@/lib/server/app-error";
import type { Env } from "@/lib/server/env";
import type { RateLimitStore } from "./rate-limit";

/**
 * Every abuse limit in one place. Preview-engine tasks cost no units, so they are held by a rate
 * rather than the budget; paid tasks have both a rate and the budget (lib/server/spend).
 */
// Sign-in attempts are throttled by the accounts layer (lib/server/auth/sign-in-throttle.ts).
export const POLICY_NAMES = ["task-create", "preview-task", "upload", "dry-run"] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];
export type Policy = { limit: number; windowMs: number; what: string };

const MINUTE = 60_000;

type RateSettings = Pick<Env, "RATE_TASKS_PER_MINUTE" | "RATE_PREVIEW_TASKS_PER_MINUTE" | "RATE_UPLOADS_PER_HOUR" | "RATE_DRY_RUNS_PER_MINUTE">;

export function ratePolicies(env: RateSettings): Record<PolicyName, Policy> {
  return {
    "task-create": { limit: env.RATE_TASKS_PER_MINUTE, windowMs: MINUTE, what: "videos started" },
    "preview-task": { limit: env.RATE_PREVIEW_TASKS_PER_MINUTE, windowMs: MINUTE, what: "preview videos started" },
    upload: { limit: env.RATE_UPLOADS_PER_HOUR, windowMs: 60 * MINUTE, what: "uploads" },
    // A dry run spends nothing but rasterises every mask: the editor asks after each pause in editing.
    "dry-run": { limit: env.RATE_DRY_RUNS_PER_MINUTE, windowMs: MINUTE, what: "request previews" },
  };
}

function windowText(windowMs: number): string {
  const minutes = windowMs / MINUTE;
  if (minutes === 1) return "a minute";
  if (minutes === 60) return "an hour";
  return `${minutes} minutes`;
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

export function createRateLimiter(store: RateLimitStore, policies: Record<PolicyName, Policy>) {
  return {
    /**
     * Counts one attempt of `policy` by `subject` (a user id, an account's e-mail, an IP address) and
     * throws AppError 429 `rate-limited` with a `Retry-After` header when it is over the limit.
     * Call before doing the work: a sign-in before checking the password, a create before storing.
     */
    async enforce(policy: PolicyName, subject: string, now: number = Date.now()): Promise<void> {
      const { limit, windowMs, what } = policies[policy];
      const { allowed, retryAfterS } = await store.hit(`${policy}:${subject}`, limit, windowMs, now);
      if (allowed) return;
      throw new AppError("rate-limited", 429, `Too many ${what}: at most ${limit} in ${windowText(windowMs)}. Try again in ${retryAfterS} s.`, undefined, {
        headers: { "retry-after": String(retryAfterS) },
        detail: { policy, limit, retryAfterS },
      });
    },
  };
}
