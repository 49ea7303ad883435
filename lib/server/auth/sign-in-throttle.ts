import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "../storage/db";

export type ThrottleLimits = { windowMs: number; perAccount: number; perAddress: number };

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/**
 * Counts failed sign-ins per account and per client address in the database, so the limit holds
 * across processes and restarts. A fixed window opens at the first failure; once a key reaches its
 * limit every attempt on it (right password or not) is refused until the window ends.
 */
export function createSignInThrottle(db: Kysely<Database>, limits: ThrottleLimits) {
  const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
  const keysOf = (email: string, address: string | null) => {
    const keys = [{ key: accountKey(email), max: limits.perAccount }];
    if (address) keys.push({ key: `address:${address}`, max: limits.perAddress });
    return keys;
  };

  return {
    /** Seconds until the caller may try again, or null when it may try now. */
    async retryAfter(email: string, address: string | null, now = Date.now()): Promise<number | null> {
      const keys = keysOf(email, address);
      const rows = await db.selectFrom("auth_attempts").selectAll().where("key", "in", keys.map((k) => k.key)).execute();
      let waitMs = 0;
      for (const row of rows) {
        const max = keys.find((k) => k.key === row.key)?.max ?? Infinity;
        const endsAt = row.window_start + limits.windowMs;
        if (row.failures >= max && endsAt > now) waitMs = Math.max(waitMs, endsAt - now);
      }
      return waitMs > 0 ? Math.ceil(waitMs / 1000) : null;
    },

    async recordFailure(email: string, address: string | null, now = Date.now()): Promise<void> {
      const expired = sql<boolean>`auth_attempts.window_start <= ${now - limits.windowMs}`;
      for (const { key } of keysOf(email, address)) {
        // One statement per key: concurrent failures all count, whichever process sees them.
        await db
          .insertInto("auth_attempts")
          .values({ key, failures: 1, window_start: now })
          .onConflict((oc) =>
            oc.column("key").doUpdateSet({
              failures: sql<number>`CASE WHEN ${expired} THEN 1 ELSE auth_attempts.failures + 1 END`,
              window_start: sql<number>`CASE WHEN ${expired} THEN ${now} ELSE auth_attempts.window_start END`,
            }),
          )
          .execute();
      }
    },

    /** A successful sign-in clears the account's count; the address keeps its own. */
    async recordSuccess(email: string): Promise<void> {
      await db.deleteFrom("auth_attempts").where("key", "=", accountKey(email)).execute();
    },
  };
}
