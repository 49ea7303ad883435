import "server-only";
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { AppError } from "../app-error";
import { getEnv } from "../env";
import type { BlobStore } from "../storage/blob-store";
import type { AssetRow, Database } from "../storage/db";
import { createDecodeSlots, defaultDecodeSlotCount } from "./decode-slots";
import { normalizeImage, type NormalizeOptions } from "./normalize-image";

export type Asset = { id: string; width: number; height: number; mime: string; bytes: number; url: string };

const blobKey = (id: string) => `assets/${id}`;

export function toPublicAsset(row: AssetRow): Asset {
  return { id: row.id, width: row.width, height: row.height, mime: row.mime, bytes: row.bytes, url: `/api/assets/${row.id}` };
}

export type AssetService = ReturnType<typeof createAssetService>;

export function createAssetService(
  db: Kysely<Database>,
  blobs: BlobStore,
  images: NormalizeOptions = { maxPixels: getEnv().MAX_IMAGE_PIXELS, slots: createDecodeSlots(defaultDecodeSlotCount()) },
) {
  return {
    /** Normalises and stores an upload. Content-addressed: the same bytes give the same id. */
    async create(input: Buffer): Promise<Asset> {
      const image = await normalizeImage(input, images);
      const id = createHash("sha256").update(image.data).digest("base64url").slice(0, 32);
      const existing = await db.selectFrom("assets").selectAll().where("id", "=", id).executeTakeFirst();
      if (existing && (await blobs.size(blobKey(id))) !== null) return toPublicAsset(existing);
      await blobs.put(blobKey(id), image.data);
      const row: AssetRow = { id, mime: image.mime, width: image.width, height: image.height, bytes: image.data.length, created_at: new Date().toISOString() };
      try {
        await db.insertInto("assets").values(row).onConflict((oc) => oc.column("id").doNothing()).execute();
      } catch (error) {
        // A blob no row points at would never be served or cleaned up (e.g. the database hit a full disk).
        if (!existing) await blobs.delete(blobKey(id)).catch(() => undefined);
        throw error;
      }
      return toPublicAsset(row);
    },

    async find(id: string): Promise<AssetRow | null> {
      return (await db.selectFrom("assets").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
    },

    async require(id: string, field: string): Promise<AssetRow> {
      const row = await this.find(id);
      if (!row) throw new AppError("asset-not-found", 422, `${field}: asset ${id} does not exist; upload the image again`, field);
      return row;
    },

    async read(id: string): Promise<Buffer | null> {
      return blobs.get(blobKey(id));
    },
  };
}
