import "server-only";
import sharp, { type Sharp } from "sharp";
import type { Size } from "@/lib/geometry/types";
import { maskToSvg } from "@/lib/mask/svg";
import { thresholdRgba } from "@/lib/mask/threshold";
import { isAssetMask, type Mask } from "@/lib/recipe/schema";

/**
 * Mask → single-channel PNG of exactly `size`, white = painted, black = not, nothing in between.
 * Vector masks go through `maskToSvg` (the same shapes the editor draws); uploaded masks are stretched
 * to the frame (Kling wants the frame's aspect ratio and one resolution for every mask). Both are then
 * read as straight RGBA and thresholded by `thresholdRgba` (lib/mask/threshold.ts), the very function
 * the editor's preview uses, so anti-aliased, semi-transparent or JPEG-ish edges become binary the
 * same way on both sides.
 */

function assertSize(size: Size): void {
  if (!Number.isInteger(size.width) || !Number.isInteger(size.height) || size.width < 1 || size.height < 1) {
    throw new RangeError(`mask size must be positive integers, got ${size.width}×${size.height}`);
  }
}

async function binaryPng(image: Sharp, size: Size): Promise<Buffer> {
  // sRGB with alpha whatever the source (grey, palette, CMYK, no alpha), so the threshold sees RGBA.
  const rgba = await image.toColourspace("srgb").ensureAlpha().raw().toBuffer();
  const grey = thresholdRgba(rgba);
  return sharp(grey, { raw: { width: size.width, height: size.height, channels: 1 } }).toColourspace("b-w").png({ compressionLevel: 9, palette: false }).toBuffer();
}

/** Resampling only when the size differs: a mask already at the frame's size is read pixel for pixel. */
async function fitted(source: Buffer, size: Size): Promise<Sharp> {
  const image = sharp(source);
  const { width, height } = await image.metadata();
  return width === size.width && height === size.height ? image : image.resize(size.width, size.height, { fit: "fill" });
}

export async function rasterizeMask(mask: Mask, size: Size, loadAsset: (id: string) => Promise<Buffer>): Promise<Buffer> {
  assertSize(size);
  if (isAssetMask(mask)) return binaryPng(await fitted(await loadAsset(mask.asset), size), size);
  // The SVG already has the exact size; `fitted` only guards against a renderer rounding it.
  return binaryPng(await fitted(Buffer.from(maskToSvg(mask, size)), size), size);
}
