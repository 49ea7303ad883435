import "server-only";
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Scope, Viewer } from "../access/viewer";
import { AppError } from "../app-error";
import { getEnv } from "../env";
import type { BlobStore } from "../storage/blob-store";
import type { AssetRow, Database } from "../storage/db";
import { createAssetStore } from "./asset-store";
import { createDecodeSlots, defaultDecodeSlotCount } from "./decode-slots";
import { normalizeImage, type NormalizeOptions } from "./normalize-image";

export type Asset = { id: string; width: number; height: number; mime: string; bytes: number; url: string };

const blobKey = (id: string) => `assets/${id}`;

export function toPublicAsset(row: AssetRow): Asset {
  return { id: row.id, width: row.width, height: row.height, mime: row.mime, bytes: row.bytes, url: `/api/assets/${row.id}` };
}

/** Same answer for a missing asset and another user's: the id must not tell whether it exists. */
const missing = (id: string, field: string) => new AppError("asset-not-found", 422, `${field}: asset ${id} does not exist; upload the image again`, field);

export type AssetService = ReturnType<typeof createAssetService>;
export type OwnedAssets = ReturnType<AssetService["forViewer"]>;

/**
 * Content-addressed images: one blob and one `assets` row per distinct normalised image, whoever
 * uploaded it, and one `asset_owners` row per user allowed to use it. Uploading bytes someone else
 * already has grants the uploader ownership and answers exactly as a first upload would.
 */
export function createAssetService(
  db: Kysely<Database>,
  blobs: BlobStore,
  images: NormalizeOptions = { maxPixels: getEnv().MAX_IMAGE_PIXELS, slots: createDecodeSlots(defaultDecodeSlotCount()) },
) {
  const store = createAssetStore(db);
  const findRow = store.find;
  /** Grants users the use of existing assets (an upload, a remix); granting twice is a no-op. */
  const attach = (assetIds: readonly string[], userId: string) => store.attach(assetIds, userId, new Date().toISOString());

  const system = {
    find: findRow,
    async require(id: string, field: string): Promise<AssetRow> {
      const row = await findRow(id);
      if (!row) throw missing(id, field);
      return row;
    },
    read: (id: string): Promise<Buffer | null> => blobs.get(blobKey(id)),
    attach,
    /** Hands assets nobody owns (uploaded before accounts) to `ownerId`; the number handed over. */
    async adoptOrphans(ownerId: string): Promise<number> {
      const orphans = await store.listOrphanIds();
      await attach(orphans, ownerId);
      return orphans.length;
    },
  };

  return {
    /**
     * Normalises and stores an upload for `viewer`. Content-addressed: the same bytes give the same id.
     * `admit` runs before the viewer is granted the asset (the storage quota); when it throws, they are not.
     */
    async create(input: Buffer, viewer: Viewer, admit?: (id: string, bytes: number) => Promise<void>): Promise<Asset> {
      const image = await normalizeImage(input, images);
      const id = createHash("sha256").update(image.data).digest("base64url").slice(0, 32);
      const existing = await findRow(id);
      if (existing && (await blobs.stat(blobKey(id))) !== null) {
        await admit?.(id, existing.bytes);
        await attach([id], viewer.userId);
        return toPublicAsset(existing);
      }
      await blobs.put(blobKey(id), image.data);
      const row: AssetRow = { id, mime: image.mime, width: image.width, height: image.height, bytes: image.data.length, created_at: new Date().toISOString() };
      try {
        await store.insert(row);
        await admit?.(id, row.bytes);
        await attach([id], viewer.userId);
      } catch (error) {
        // A blob no row points at would never be served or cleaned up (e.g. the database hit a full disk).
        if (!existing) await blobs.delete(blobKey(id)).catch(() => undefined);
        throw error;
      }
      return toPublicAsset(row);
    },

    /** The assets `viewer` may use; anyone else's read as missing. `all` is the owner's alone. */
    forViewer(viewer: Viewer, scope: Scope = "own") {
      const everyone = scope === "all" && viewer.role === "owner";
      const find = (id: string): Promise<AssetRow | null> => store.findHeldBy(id, everyone ? null : viewer.userId);
      return {
        find,
        async require(id: string, field: string): Promise<AssetRow> {
          const row = await find(id);
          if (!row) throw missing(id, field);
          return row;
        },
        async read(id: string): Promise<Buffer | null> {
          return (await find(id)) ? blobs.get(blobKey(id)) : null;
        },
      };
    },

    /** Unscoped: for sending a task's frames upstream and serving a share's frames by slug. */
    system,
  };
}
