import type { Rect, Size } from "@/lib/geometry/types";
import { cappedSize } from "@/lib/editor/preview/frame-plan";
import { isPaintedPixel } from "@/lib/mask/threshold";
import { isAssetMask, type Mask } from "@/lib/recipe/schema";
import { canvasOf, LAYER_MAX_SIDE } from "./layer-canvas";

/** An uploaded PNG mask, read once: alpha = painted, and where. */
export type LoadedMask = { canvas: HTMLCanvasElement; bounds: Rect | null };

/** Masks the layers need that are uploaded PNGs. */
export function assetMaskIds(masks: readonly (Mask | null)[]): string[] {
  return [...new Set(masks.flatMap((mask) => (mask && isAssetMask(mask) ? [mask.asset] : [])))];
}

/**
 * Reads an uploaded mask with the server's threshold (`isPaintedPixel`) at the frame's size, capped at
 * LAYER_MAX_SIDE.
 */
export async function loadAssetMask(url: string, frame: Size): Promise<LoadedMask> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const size = cappedSize(frame, LAYER_MAX_SIDE);
  const [canvas, ctx] = canvasOf(size.width, size.height, true);
  ctx.drawImage(image, 0, 0, size.width, size.height);
  const data = ctx.getImageData(0, 0, size.width, size.height);
  const px = data.data;
  let x0 = size.width, y0 = size.height, x1 = 0, y1 = 0;
  for (let p = 0; p < size.width * size.height; p += 1) {
    const o = p * 4;
    const on = isPaintedPixel(px[o]!, px[o + 1]!, px[o + 2]!, px[o + 3]!);
    px[o] = px[o + 1] = px[o + 2] = 255;
    px[o + 3] = on ? 255 : 0;
    if (!on) continue;
    const x = p % size.width;
    const y = (p - x) / size.width;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x + 1);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y + 1);
  }
  ctx.putImageData(data, 0, 0);
  const k = 1 / size.scale;
  return { canvas, bounds: x1 > x0 ? { x: x0 * k, y: y0 * k, width: (x1 - x0) * k, height: (y1 - y0) * k } : null };
}
