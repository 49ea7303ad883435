import "server-only";
import sharp from "sharp";
import { MAX_IMAGE_BYTES } from "@/lib/kling/contract";
import { invalidParameter } from "./codes";

const FETCH_TIMEOUT_MS = 10_000;

/**
 * The one answer for every URL that does not yield an image: refused host, refused or timed-out
 * connection, HTTP error, oversized or undecodable body. Telling them apart would let anyone holding
 * the well-known default key map which ports answer on the server's loopback.
 */
export const URL_IMAGE_PROBLEM = "could not load a JPG or PNG image of at most 10 MB from this URL (the preview engine fetches loopback and same-host URLs only)";

export type DecodedImage = { bytes: Uint8Array; width: number; height: number; format: "jpeg" | "png" };

/**
 * Turns an `image`/`image_tail`/mask parameter (URL or bare base64, already shape-checked by the
 * contract schema) into decoded bytes, or throws 1201 naming `field`. URLs are fetched only from
 * loopback or from the host the client called (`calledUrl`): the engine is reachable with a well-known
 * default key, and must not become a way to make the server probe arbitrary hosts.
 */
export async function loadImageInput(value: string, field: string, calledUrl: URL): Promise<DecodedImage> {
  if (!/^https?:\/\//i.test(value)) {
    const decoded = await decodeImage(fromBase64(value, field));
    if (typeof decoded === "string") throw invalidParameter(field, decoded);
    return decoded;
  }
  const bytes = await fetchImage(new URL(value), calledUrl);
  const decoded = bytes ? await decodeImage(bytes) : null;
  if (!decoded || typeof decoded === "string") throw invalidParameter(field, URL_IMAGE_PROBLEM);
  return decoded;
}

/** The decoded image, or what is wrong with the bytes. */
async function decodeImage(bytes: Uint8Array): Promise<DecodedImage | string> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) return `must be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`;
  const metadata = await sharp(bytes)
    .metadata()
    .catch(() => null);
  if (!metadata?.format || !metadata.width || !metadata.height) return "could not be decoded as a JPG or PNG image";
  if (metadata.format !== "jpeg" && metadata.format !== "png") return `must be a JPG or PNG image (got ${metadata.format})`;
  // EXIF orientations 5–8 swap the sides the image is shown with.
  const swapped = (metadata.orientation ?? 1) >= 5;
  return { bytes, format: metadata.format, width: swapped ? metadata.height : metadata.width, height: swapped ? metadata.width : metadata.height };
}

function fromBase64(value: string, field: string): Uint8Array {
  const bytes = Buffer.from(value, "base64");
  if (bytes.byteLength === 0) throw invalidParameter(field, "is empty after base64 decoding");
  return bytes;
}

export function isFetchAllowed(target: URL, calledUrl: URL): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, "");
  const loopback = host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
  return loopback || target.host === calledUrl.host;
}

/** The body of an allowed URL answering 2xx within the size limit, or null whatever went wrong. */
async function fetchImage(target: URL, calledUrl: URL): Promise<Uint8Array | null> {
  if (!isFetchAllowed(target, calledUrl)) return null;
  try {
    const response = await fetch(target, { redirect: "error", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok || Number(response.headers.get("content-length") ?? 0) > MAX_IMAGE_BYTES) {
      await response.body?.cancel();
      return null;
    }
    return await readCapped(response);
  } catch {
    return null;
  }
}

/** Reads a body but stops at the size limit, whatever Content-Length claimed. */
async function readCapped(response: Response): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > MAX_IMAGE_BYTES) {
      await response.body.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
