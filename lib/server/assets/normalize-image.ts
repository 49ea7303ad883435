import "server-only";
import sharp from "sharp";
import { AppError } from "../app-error";

/** Kling's image rules (kling-api.md §3.1), applied to every uploaded frame or mask. */
export const IMAGE_RULES = {
  minSide: 300,
  minAspect: 0.4,
  maxAspect: 2.5,
  maxBytes: 10 * 1024 * 1024,
  /** Decompression-bomb guard: refuse to decode more pixels than this (about 8000 × 8000). */
  maxPixels: 64_000_000,
} as const;

export type NormalizedImage = { data: Buffer; mime: "image/jpeg" | "image/png"; width: number; height: number };

const CONVERTED_FORMATS = new Set(["webp", "gif", "avif", "heif", "tiff"]);

/**
 * Decodes an upload, applies EXIF orientation, checks Kling's size and aspect rules and returns a
 * JPEG or PNG of at most 10 MB. Untouched JPEG/PNG bytes are kept as they are.
 */
export async function normalizeImage(input: Buffer, field = "file"): Promise<NormalizedImage> {
  const meta = await readMetadata(input, field);
  const format = meta.format ?? "unknown";
  if (format !== "jpeg" && format !== "png" && !CONVERTED_FORMATS.has(format)) {
    throw new AppError("unsupported-media-type", 415, `${field}: ${format} images are not supported; use JPEG or PNG (WebP, GIF and AVIF are converted)`, field);
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : meta.height;
  checkGeometry(width, height, field);

  const needsOrientation = (meta.orientation ?? 1) !== 1;
  if ((format === "jpeg" || format === "png") && !needsOrientation && input.length <= IMAGE_RULES.maxBytes) {
    return { data: input, mime: format === "png" ? "image/png" : "image/jpeg", width, height };
  }
  return encode(input, meta.hasAlpha === true && format !== "jpeg", width, height);
}

async function readMetadata(input: Buffer, field: string) {
  try {
    // Reading the header decodes no pixels, so the size can be judged before any decoding.
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height) throw new Error("no dimensions");
    if (meta.width * meta.height > IMAGE_RULES.maxPixels) {
      throw new AppError("image-too-large", 413, `${field}: the image has ${meta.width} × ${meta.height} pixels; at most ${IMAGE_RULES.maxPixels / 1_000_000} megapixels are accepted`, field);
    }
    return { ...meta, width: meta.width, height: meta.height };
  } catch (error) {
    if (AppError.is(error)) throw error;
    throw new AppError("unsupported-media-type", 415, `${field}: the file is not an image we can decode`, field);
  }
}

function checkGeometry(width: number, height: number, field: string) {
  if (Math.min(width, height) < IMAGE_RULES.minSide) {
    throw new AppError("image-too-small", 422, `${field}: the image is ${width} × ${height}; each side must be at least ${IMAGE_RULES.minSide} px`, field);
  }
  const aspect = width / height;
  if (aspect < IMAGE_RULES.minAspect || aspect > IMAGE_RULES.maxAspect) {
    throw new AppError("aspect-ratio", 422, `${field}: the image is ${width} × ${height} (aspect ${aspect.toFixed(2)}:1); the aspect ratio must be between 1:2.5 and 2.5:1`, field);
  }
}

/** Re-encodes, lowering JPEG quality and then size until the result fits in 10 MB. */
async function encode(input: Buffer, keepAlpha: boolean, width: number, height: number): Promise<NormalizedImage> {
  const base = () => sharp(input, { limitInputPixels: IMAGE_RULES.maxPixels, animated: false }).rotate();
  if (keepAlpha) {
    const png = await base().png({ compressionLevel: 9 }).toBuffer();
    if (png.length <= IMAGE_RULES.maxBytes) return { data: png, mime: "image/png", width, height };
  }
  for (const quality of [92, 85, 75, 65]) {
    const jpeg = await base().flatten({ background: "#ffffff" }).jpeg({ quality, mozjpeg: true }).toBuffer();
    if (jpeg.length <= IMAGE_RULES.maxBytes) return { data: jpeg, mime: "image/jpeg", width, height };
  }
  // Still too large: shrink, keeping the shortest side at or above the minimum.
  const scale = Math.max(IMAGE_RULES.minSide / Math.min(width, height), 0.5);
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const jpeg = await base().resize(w, h).flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  return { data: jpeg, mime: "image/jpeg", width: w, height: h };
}
