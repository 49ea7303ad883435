import "server-only";
import type { Kysely } from "kysely";
import type { AssetRow, Database } from "../storage/db";

export type AssetStore = ReturnType<typeof createAssetStore>;

/** The only code that reads or writes `assets` and `asset_owners` rows (the asset service holds the rules). */
export function createAssetStore(db: Kysely<Database>) {
  return {
    async find(id: string): Promise<AssetRow | null> {
      return (await db.selectFrom("assets").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
    },
    /** The asset if `userId` holds it; any user's with null (the owner's "all" scope). */
    async findHeldBy(id: string, userId: string | null): Promise<AssetRow | null> {
      let query = db.selectFrom("assets").selectAll("assets").where("assets.id", "=", id);
      if (userId !== null) query = query.innerJoin("asset_owners", "asset_owners.asset_id", "assets.id").where("asset_owners.user_id", "=", userId);
      return (await query.executeTakeFirst()) ?? null;
    },
    /** Content-addressed: a row that is already there (the same bytes) is kept. */
    async insert(row: AssetRow): Promise<void> {
      await db.insertInto("assets").values(row).onConflict((oc) => oc.column("id").doNothing()).execute();
    },
    /** Grants a user the use of assets; granting twice is a no-op. */
    async attach(assetIds: readonly string[], userId: string, createdAt: string): Promise<void> {
      if (assetIds.length === 0) return;
      await db
        .insertInto("asset_owners")
        .values([...new Set(assetIds)].map((asset_id) => ({ asset_id, user_id: userId, created_at: createdAt })))
        .onConflict((oc) => oc.columns(["asset_id", "user_id"]).doNothing())
        .execute();
    },
    /** Assets nobody holds (uploaded before accounts). */
    async listOrphanIds(): Promise<string[]> {
      const rows = await db
        .selectFrom("assets")
        .select("id")
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom("asset_owners").select("asset_id").whereRef("asset_owners.asset_id", "=", "assets.id"))))
        .execute();
      return rows.map((row) => row.id);
    },
  };
}
