import "server-only";
import sharp from "sharp";
import type { Size } from "@/lib/geometry/types";
import { maskToSvg } from "@/lib/mask/svg";
import { isAssetMask, type Mask } from "@/lib/recipe/schema";

/**
 * Mask → single-channel PNG of exactly `size`, white = painted, black = not, nothing in between.
 * Vector masks go through `maskToSvg` (the same shapes the editor draws); uploaded masks are flattened
 * on black (transparent = not painted), stretched to the frame (Kling wants the frame's aspect ratio
 * and one resolution for every mask) and thresholded, so anti-aliased or JPEG-ish edges become binary.
 */

/** Grey levels from this value up count as painted. */
const THRESHOLD = 128;

function assertSize(size: Size): void {
  if (!Number.isInteger(size.width) || !Number.isInteger(size.height) || size.width < 1 || size.height < 1) {
    throw new RangeError(`mask size must be positive integers, got ${size.width}×${size.height}`);
  }
}

function binaryPng(image: ReturnType<typeof sharp>): Promise<Buffer> {
  return image.threshold(THRESHOLD, { greyscale: true }).toColourspace("b-w").png({ compressionLevel: 9, palette: false }).toBuffer();
}

export async function rasterizeMask(mask: Mask, size: Size, loadAsset: (id: string) => Promise<Buffer>): Promise<Buffer> {
  assertSize(size);
  if (isAssetMask(mask)) {
    const source = await loadAsset(mask.asset);
    return binaryPng(sharp(source).flatten({ background: "#000000" }).resize(size.width, size.height, { fit: "fill" }));
  }
  const svg = Buffer.from(maskToSvg(mask, size));
  // The SVG already has the exact size; the resize only guards against a renderer rounding it.
  return binaryPng(sharp(svg).flatten({ background: "#000000" }).resize(size.width, size.height, { fit: "fill" }));
}
