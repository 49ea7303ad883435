import "server-only";
import sharp from "sharp";
import { invalidParameter } from "./codes";

/** Kling's file size limit (kling-api.md §3.1); side and aspect rules live in lib/kling/rules. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

export type DecodedImage = { bytes: Uint8Array; width: number; height: number; format: "jpeg" | "png" };

/**
 * Turns an `image`/`image_tail`/mask parameter (URL or bare base64, already shape-checked by the
 * contract schema) into decoded bytes, or throws 1201 naming `field`. URLs are fetched only from
 * loopback or from the host the request came in on: the engine is reachable with a well-known default
 * key, and must not become a way to make the server probe arbitrary hosts.
 */
export async function loadImageInput(value: string, field: string, requestUrl: URL): Promise<DecodedImage> {
  const bytes = /^https?:\/\//i.test(value) ? await fetchImage(value, field, requestUrl) : fromBase64(value, field);
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw invalidParameter(field, "must be at most 10 MB");
  const metadata = await sharp(bytes)
    .metadata()
    .catch(() => null);
  if (!metadata?.format || !metadata.width || !metadata.height) throw invalidParameter(field, "could not be decoded as a JPG or PNG image");
  if (metadata.format !== "jpeg" && metadata.format !== "png") throw invalidParameter(field, `must be a JPG or PNG image (got ${metadata.format})`);
  // EXIF orientations 5–8 swap the sides the image is shown with.
  const swapped = (metadata.orientation ?? 1) >= 5;
  return { bytes, format: metadata.format, width: swapped ? metadata.height : metadata.width, height: swapped ? metadata.width : metadata.height };
}

function fromBase64(value: string, field: string): Uint8Array {
  const bytes = Buffer.from(value, "base64");
  if (bytes.byteLength === 0) throw invalidParameter(field, "is empty after base64 decoding");
  return bytes;
}

export function isFetchAllowed(target: URL, requestUrl: URL): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, "");
  const loopback = host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
  return loopback || target.host === requestUrl.host;
}

async function fetchImage(value: string, field: string, requestUrl: URL): Promise<Uint8Array> {
  const target = new URL(value);
  if (!isFetchAllowed(target, requestUrl)) throw invalidParameter(field, "URL is not reachable from the preview engine (it fetches loopback and same-host URLs only)");
  let response: Response;
  try {
    response = await fetch(target, { redirect: "error", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch {
    throw invalidParameter(field, "URL is not reachable");
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw invalidParameter(field, `URL is not reachable (HTTP ${response.status})`);
  }
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_IMAGE_BYTES) {
    await response.body?.cancel();
    throw invalidParameter(field, "must be at most 10 MB");
  }
  return readCapped(response, field);
}

/** Reads a body but stops at the size limit, whatever Content-Length claimed. */
async function readCapped(response: Response, field: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > MAX_IMAGE_BYTES) {
      await response.body.cancel().catch(() => undefined);
      throw invalidParameter(field, "must be at most 10 MB");
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
