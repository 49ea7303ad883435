import "server-only";
import { sql, type Kysely } from "kysely";
import { writeAtomically } from "@/lib/server/spend/busy-retry";
import type { Database } from "@/lib/server/storage/db";

export type HitResult = { allowed: boolean; retryAfterS: number };
export type RateLimitStore = ReturnType<typeof createRateLimitStore>;

/**
 * Sliding-window counters in the database, so a limit holds across processes and restarts. Each key
 * keeps this window's hits and the previous window's; the rate is the current count plus the previous
 * one weighted by how much of it still overlaps the sliding window (Cloudflare's approximation), so a
 * burst at a window boundary cannot pass twice the limit.
 */
export function createRateLimitStore(db: Kysely<Database>) {
  return {
    /**
     * Counts one hit on `key` and says whether it is within `limit` per `windowMs`. One upsert with
     * RETURNING: the increment and the read are one atomic statement. Refused hits count too, so
     * hammering keeps the key refused.
     */
    async hit(key: string, limit: number, windowMs: number, now: number): Promise<HitResult> {
      const start = Math.floor(now / windowMs) * windowMs;
      const { rows } = await writeAtomically(db, (trx) =>
        sql<{ count: number; previous_count: number }>`
          INSERT INTO rate_limits (key, window_start, count, previous_count) VALUES (${key}, ${start}, 1, 0)
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
            previous_count = CASE
              WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.previous_count
              WHEN rate_limits.window_start = excluded.window_start - ${windowMs} THEN rate_limits.count
              ELSE 0 END,
            window_start = excluded.window_start
          RETURNING count, previous_count
        `.execute(trx),
      );
      const row = rows[0];
      if (!row) throw new Error("rate limit upsert returned no row");
      const elapsed = (now - start) / windowMs;
      const rate = Number(row.previous_count) * (1 - elapsed) + Number(row.count);
      if (rate <= limit) return { allowed: true, retryAfterS: 0 };
      return { allowed: false, retryAfterS: retryAfter(Number(row.count), Number(row.previous_count), limit, elapsed, windowMs) };
    },
  };
}

/**
 * Seconds until a hit would pass again: when the previous window's weight has faded enough, or at
 * the latest when this window's hits become the (fading) previous ones. At least 1.
 */
function retryAfter(count: number, previous: number, limit: number, elapsed: number, windowMs: number): number {
  const untilNext = (1 - elapsed) * windowMs;
  let waitMs: number;
  if (count + 1 <= limit && previous > 0) {
    // Need previous * (1 - t) + count + 1 <= limit, t the elapsed fraction then.
    const t = 1 - (limit - count - 1) / previous;
    waitMs = Math.max(0, (t - elapsed) * windowMs);
  } else {
    // In the next window this one's count fades from full weight: count * (1 - t) + 1 <= limit.
    const t = count > 0 ? Math.max(0, 1 - (limit - 1) / count) : 0;
    waitMs = untilNext + t * windowMs;
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}
