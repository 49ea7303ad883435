import "server-only";
import type { AssetRow } from "../storage/db";
import { SHARED_FILE_CACHE } from "./public-share";

/** An image of a live share (frame or PNG mask), cached no longer than the link may be revoked. */
export function sharedImageResponse({ row, data }: { row: AssetRow; data: Buffer }): Response {
  return new Response(new Uint8Array(data), {
    headers: { "content-type": row.mime, "content-length": String(data.length), "cache-control": SHARED_FILE_CACHE },
  });
}
