import "server-only";
import { AppError } from "./app-error";

/** Reads a request body, refusing (413) as soon as it grows past `maxBytes`, declared or not. */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  const tooLarge = () => new AppError("payload-too-large", 413, `body: the upload is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new AppError("invalid-request", 400, "body: the upload was interrupted before it was complete");
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body with a size limit; malformed JSON is a 400, never a 500. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const body = await readLimitedBody(request, maxBytes);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new AppError("invalid-json", 400, "body: is not valid JSON");
  }
}

/**
 * Reads a body stream to its end, or stops and cancels it as soon as it grows past `maxBytes` (then
 * answers null): memory stays bounded whether the sender declared a length, lied about it, or sent chunks.
 */
export async function readStreamCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
}
