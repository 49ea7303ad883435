import "server-only";
import { sql, type Kysely } from "kysely";
import { AppError } from "@/lib/server/app-error";
import { writeAtomically } from "@/lib/server/spend/busy-retry";
import type { Database } from "@/lib/server/storage/db";

const MB = 1024 * 1024;

export type StorageQuota = ReturnType<typeof createStorageQuota>;

/**
 * Per-user storage quota (STORAGE_QUOTA_MB) over a byte ledger of the assets attached to each user.
 * Assets are deduplicated by content, so one asset counts once per user however often it is uploaded,
 * and once for each user who holds it.
 */
export function createStorageQuota(db: Kysely<Database>, quotaMb: number) {
  const quotaBytes = quotaMb * MB;

  async function usedBytes(userId: string): Promise<number> {
    const row = await db
      .selectFrom("storage_usage")
      .select(sql<number>`coalesce(sum(bytes), 0)`.as("bytes"))
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    return Number(row.bytes);
  }

  return {
    /**
     * Call when an asset is attached to a user (an upload, a copy). Records its bytes if the user's
     * total stays within the quota, atomically (one INSERT … SELECT … WHERE); an asset the user already
     * holds is free. Throws AppError 413 `storage-quota` naming the quota otherwise.
     */
    async record(userId: string, assetId: string, bytes: number, now: Date = new Date()): Promise<void> {
      const result = await writeAtomically(db, (trx) =>
        sql`
          INSERT INTO storage_usage (user_id, asset_id, bytes, created_at)
          SELECT CAST(${userId} AS TEXT), CAST(${assetId} AS TEXT), CAST(${bytes} AS BIGINT), CAST(${now.toISOString()} AS TEXT)
          WHERE NOT EXISTS (SELECT 1 FROM storage_usage WHERE user_id = ${userId} AND asset_id = ${assetId})
            AND (SELECT coalesce(sum(bytes), 0) FROM storage_usage WHERE user_id = ${userId}) + ${bytes} <= ${quotaBytes}
        `.execute(trx),
      );
      if (Number(result.numAffectedRows ?? 0) === 1) return;
      const held = await db.selectFrom("storage_usage").select("asset_id").where("user_id", "=", userId).where("asset_id", "=", assetId).executeTakeFirst();
      if (held) return;
      const used = await usedBytes(userId);
      throw new AppError(
        "storage-quota",
        413,
        `This would pass your storage quota of ${quotaMb} MB (${(used / MB).toFixed(1)} MB used); delete some videos or images first.`,
        undefined,
        { detail: { quotaMb, usedMb: Math.round((used / MB) * 10) / 10 } },
      );
    },

    /** Call when an asset is detached from a user (deleted): its bytes no longer count. */
    async forget(userId: string, assetId: string): Promise<void> {
      await writeAtomically(db, (trx) => trx.deleteFrom("storage_usage").where("user_id", "=", userId).where("asset_id", "=", assetId).execute());
    },

    usedBytes,
  };
}
