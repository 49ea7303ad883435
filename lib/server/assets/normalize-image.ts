import "server-only";
import sharp, { type Metadata, type Sharp, type SharpOptions } from "sharp";
import { ASPECT_RANGE_TEXT, MAX_ASPECT, MAX_IMAGE_BYTES, MIN_ASPECT, MIN_IMAGE_SIDE } from "@/lib/kling/contract";
import { AppError } from "../app-error";
import type { DecodeSlots } from "./decode-slots";

/** Kling's image rules (kling-api.md §3.1, defined in lib/kling/contract.ts), applied to every uploaded frame or mask. */
export const IMAGE_RULES = {
  minSide: MIN_IMAGE_SIDE,
  minAspect: MIN_ASPECT,
  maxAspect: MAX_ASPECT,
  maxBytes: MAX_IMAGE_BYTES,
} as const;

export type NormalizedImage = { data: Buffer; mime: "image/jpeg" | "image/png"; width: number; height: number };

export type NormalizeOptions = {
  /** Images with more pixels are refused (413) before any pixel is decoded. */
  maxPixels: number;
  /** Bounds how many images are decoded at once. */
  slots: DecodeSlots;
};

const FORMAT_NAMES: Record<string, string> = { jpeg: "JPEG", png: "PNG", webp: "WebP", gif: "GIF", heif: "AVIF/HEIF", tiff: "TIFF" };

/**
 * Decodes an upload, applies EXIF orientation, checks Kling's size and aspect rules and returns a
 * JPEG or PNG of at most 10 MB. Every image is decoded in full and strictly, so a truncated or corrupt
 * one is refused instead of being stored (and sent to Kling) as a half-grey frame; untouched JPEG/PNG
 * bytes are kept as they are once they decode cleanly.
 */
export async function normalizeImage(input: Buffer, options: NormalizeOptions, field = "file"): Promise<NormalizedImage> {
  const meta = await readMetadata(input, options.maxPixels, field);
  const format = meta.format ?? "unknown";
  if (!(format in FORMAT_NAMES)) {
    throw new AppError("unsupported-media-type", 415, `${field}: ${format} images are not supported; use JPEG or PNG (WebP, GIF and AVIF are converted)`, field);
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : meta.height;
  checkGeometry(width, height, field);

  const decode = () => sharp(input, strictDecoding(options.maxPixels));
  return options.slots.run(async () => {
    try {
      const needsOrientation = (meta.orientation ?? 1) !== 1;
      if ((format === "jpeg" || format === "png") && !needsOrientation && input.length <= IMAGE_RULES.maxBytes) {
        // Reads every pixel through a throwaway low-quality encode, streaming, without holding the
        // image. Not stats(): with two running at once it sometimes lets a truncated image pass.
        await decode().jpeg({ quality: 1 }).toBuffer();
        return { data: input, mime: format === "png" ? "image/png" : "image/jpeg", width, height };
      }
      return await encode(decode, meta.hasAlpha === true && format !== "jpeg", width, height);
    } catch (error) {
      throw corruptImage(error, format, field);
    }
  });
}

/** sharp's strictest setting: a libvips warning (truncated data, a bad Huffman code, a CRC error) fails. */
function strictDecoding(maxPixels: number): SharpOptions {
  return { failOn: "warning", limitInputPixels: maxPixels, animated: false };
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // libvips repeats its messages line by line; the first two distinct ones say what went wrong.
  const lines = [...new Set(text.split("\n").map((line) => line.trim()).filter(Boolean))];
  return lines.slice(0, 2).join(" ").slice(0, 160);
}

/** The format a file's first bytes claim, for naming it when sharp cannot read its header. */
function claimedFormat(input: Buffer): string {
  const ascii = input.subarray(0, 12).toString("latin1");
  if (ascii.startsWith("\x89PNG")) return "PNG";
  if (input[0] === 0xff && input[1] === 0xd8) return "JPEG";
  if (ascii.startsWith("GIF8")) return "GIF";
  if (ascii.startsWith("RIFF") && ascii.slice(8, 12) === "WEBP") return "WebP";
  if (ascii.slice(4, 8) === "ftyp") return "AVIF/HEIF";
  if (ascii.startsWith("II*\0") || ascii.startsWith("MM\0*")) return "TIFF";
  return "image";
}

function corruptImage(error: unknown, format: string, field: string): AppError {
  if (AppError.is(error)) return error;
  const name = FORMAT_NAMES[format] ?? format;
  return new AppError("image-corrupt", 422, `${field}: the ${name} image data is corrupt or cut short (${reasonOf(error)}); export the image again and upload the new file`, field);
}

async function readMetadata(input: Buffer, maxPixels: number, field: string) {
  let meta: Metadata;
  try {
    // Reading the header decodes no pixels, so the size can be judged before any decoding.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    const reason = reasonOf(error);
    // sharp recognised the format from its signature but could not parse what follows.
    if (/corrupt header/i.test(reason)) {
      throw new AppError("image-corrupt", 422, `${field}: the ${claimedFormat(input)} header is corrupt or cut short (${reason}); export the image again and upload the new file`, field);
    }
    throw new AppError("unsupported-media-type", 415, `${field}: the file is not an image we can decode (${reason})`, field);
  }
  if (!meta.width || !meta.height) {
    throw new AppError("image-corrupt", 422, `${field}: the image header gives no width and height; export the image again and upload the new file`, field);
  }
  if (meta.width * meta.height > maxPixels) {
    const megapixels = (meta.width * meta.height) / 1_000_000;
    throw new AppError(
      "image-too-large",
      413,
      `${field}: the image has ${meta.width} × ${meta.height} pixels (${megapixels.toFixed(1)} megapixels); at most ${maxPixels / 1_000_000} megapixels are accepted`,
      field,
    );
  }
  return { ...meta, width: meta.width, height: meta.height };
}

function checkGeometry(width: number, height: number, field: string) {
  if (Math.min(width, height) < IMAGE_RULES.minSide) {
    throw new AppError("image-too-small", 422, `${field}: the image is ${width} × ${height}; each side must be at least ${IMAGE_RULES.minSide} px`, field);
  }
  const aspect = width / height;
  if (aspect < IMAGE_RULES.minAspect || aspect > IMAGE_RULES.maxAspect) {
    throw new AppError("aspect-ratio", 422, `${field}: the image is ${width} × ${height} (aspect ${aspect.toFixed(2)}:1); the aspect ratio must be between ${ASPECT_RANGE_TEXT}`, field);
  }
}

/**
 * Re-encodes, lowering JPEG quality and then size until the result fits in 10 MB. libjpeg-turbo, not
 * mozjpeg: on an 8000 × 8000 frame mozjpeg costs about 2.5× the CPU for a file a third smaller, and
 * Kling only needs it under 10 MB.
 */
async function encode(decode: () => Sharp, keepAlpha: boolean, width: number, height: number): Promise<NormalizedImage> {
  const base = () => decode().rotate();
  if (keepAlpha) {
    const png = await base().png({ compressionLevel: 9 }).toBuffer();
    if (png.length <= IMAGE_RULES.maxBytes) return { data: png, mime: "image/png", width, height };
  }
  for (const quality of [92, 85, 75, 65]) {
    const jpeg = await base().flatten({ background: "#ffffff" }).jpeg({ quality }).toBuffer();
    if (jpeg.length <= IMAGE_RULES.maxBytes) return { data: jpeg, mime: "image/jpeg", width, height };
  }
  // Still too large: shrink, keeping the shortest side at or above the minimum.
  const scale = Math.max(IMAGE_RULES.minSide / Math.min(width, height), 0.5);
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const jpeg = await base().resize(w, h).flatten({ background: "#ffffff" }).jpeg({ quality: 80 }).toBuffer();
  return { data: jpeg, mime: "image/jpeg", width: w, height: h };
}
