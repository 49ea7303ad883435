import type { Rect, Size } from "@/lib/geometry/types";
import { maskBounds } from "@/lib/mask/bounds";
import { cappedSize, layerRect, type PixelRect } from "@/lib/editor/preview/frame-plan";
import { fillVacated, FILL_MAX_SIDE } from "@/lib/editor/preview/fill";
import { drawMaskOps, maskOps } from "@/lib/editor/preview/mask-ops";
import { isAssetMask, type Mask } from "@/lib/recipe/schema";

/**
 * Everything about the moving picture that does not depend on time, cut once into small offscreen
 * canvases so a frame is a handful of drawImage calls: each region's pixels (the start frame under its
 * mask, alpha = coverage), the fill over the place it leaves, and the static-mask pixels that stay on
 * top. Browser only.
 */

/** Layers keep at most this many pixels on their longer side: six full-frame regions of a 4K frame stay in memory bounds. */
export const LAYER_MAX_SIDE = 2048;

export type Layer = { rect: PixelRect; canvas: HTMLCanvasElement };
export type RegionLayers = { region: Layer; hole: Layer | null };

export type PreviewLayers = {
  /** Parallel to the recipe's regions; null for a region that paints nothing on the frame. */
  regions: (RegionLayers | null)[];
  static: Layer | null;
};

/** An uploaded PNG mask, read once: alpha = painted, and where. */
export type LoadedMask = { canvas: HTMLCanvasElement; bounds: Rect | null };

export type LayerInput = {
  start: HTMLImageElement;
  frame: Size;
  staticMask: Mask | null;
  regionMasks: readonly Mask[];
  assetMasks: ReadonlyMap<string, LoadedMask>;
};

/** Coverage of one mask in frame pixels: where it paints, and how to draw it (white, alpha = coverage). */
type Coverage = { bounds: Rect | null; draw(ctx: CanvasRenderingContext2D): void };

function coverageOf(mask: Mask | null, frame: Size, assets: ReadonlyMap<string, LoadedMask>): Coverage | null {
  if (!mask) return null;
  if (isAssetMask(mask)) {
    const loaded = assets.get(mask.asset);
    return loaded ? { bounds: loaded.bounds, draw: (ctx) => ctx.drawImage(loaded.canvas, 0, 0, frame.width, frame.height) } : null;
  }
  const ops = maskOps(mask);
  return ops.length > 0 ? { bounds: maskBounds(mask, frame), draw: (ctx) => drawMaskOps(ctx, ops) } : null;
}

function canvasOf(width: number, height: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.ceil(width));
  canvas.height = Math.max(1, Math.ceil(height));
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("2D canvas unavailable");
  return [canvas, ctx];
}

/** `paint` (drawing in frame pixels) kept only where `coverage` paints, inside `rect`. */
function cut(coverage: Coverage, rect: PixelRect, scale: number, paint: (ctx: CanvasRenderingContext2D) => void): Layer {
  const [canvas, ctx] = canvasOf(rect.width * scale, rect.height * scale);
  ctx.setTransform(scale, 0, 0, scale, -rect.x * scale, -rect.y * scale);
  coverage.draw(ctx);
  ctx.globalCompositeOperation = "source-in";
  paint(ctx);
  return { rect, canvas };
}

/** Draws the start frame in frame pixels, whatever its natural size. */
function startPainter(start: HTMLImageElement, frame: Size) {
  return (ctx: CanvasRenderingContext2D) => ctx.drawImage(start, 0, 0, frame.width, frame.height);
}

/** The engine's fill of vacated areas, computed at FILL_MAX_SIDE from the regions' coverage. */
function holeFill(start: HTMLImageElement, frame: Size, regions: readonly Layer[]): HTMLCanvasElement {
  const size = cappedSize(frame, FILL_MAX_SIDE);
  const [picture, pictureCtx] = canvasOf(size.width, size.height);
  pictureCtx.drawImage(start, 0, 0, size.width, size.height);
  const unionCtx = canvasOf(size.width, size.height)[1];
  unionCtx.scale(size.scale, size.scale);
  // Region layers are the start frame under each mask: their alpha is exactly the coverage.
  for (const { rect, canvas } of regions) unionCtx.drawImage(canvas, rect.x, rect.y, rect.width, rect.height);
  const pixels = pictureCtx.getImageData(0, 0, size.width, size.height).data;
  const coverage = unionCtx.getImageData(0, 0, size.width, size.height).data;
  pictureCtx.putImageData(new ImageData(fillVacated(pixels, coverage, size.width, size.height, size.scale), size.width, size.height), 0, 0);
  return picture;
}

/** Cuts every layer. Synchronous: tens of milliseconds at 1080p, the fill being most of it. */
export function buildLayers({ start, frame, staticMask, regionMasks, assetMasks }: LayerInput): PreviewLayers {
  const scale = cappedSize(frame, LAYER_MAX_SIDE).scale;
  const paintStart = startPainter(start, frame);
  const cutStart = (mask: Mask | null): { coverage: Coverage; layer: Layer } | null => {
    const coverage = coverageOf(mask, frame, assetMasks);
    const rect = coverage && layerRect(coverage.bounds, frame);
    return coverage && rect ? { coverage, layer: cut(coverage, rect, scale, paintStart) } : null;
  };
  const cuts = regionMasks.map(cutStart);
  const painted = cuts.filter((c) => c !== null);
  const fill = painted.length > 0 ? holeFill(start, frame, painted.map((c) => c.layer)) : null;
  const paintFill = (ctx: CanvasRenderingContext2D) => fill && ctx.drawImage(fill, 0, 0, frame.width, frame.height);
  return {
    regions: cuts.map((c) => c && { region: c.layer, hole: fill ? cut(c.coverage, c.layer.rect, scale, paintFill) : null }),
    static: cutStart(staticMask)?.layer ?? null,
  };
}

/** Masks the layers need that are uploaded PNGs. */
export function assetMaskIds(masks: readonly (Mask | null)[]): string[] {
  return [...new Set(masks.flatMap((mask) => (mask && isAssetMask(mask) ? [mask.asset] : [])))];
}

/**
 * Reads an uploaded mask like the server does (white = painted, thresholded at half, transparent =
 * not painted) at the frame's size, capped at LAYER_MAX_SIDE.
 */
export async function loadAssetMask(url: string, frame: Size): Promise<LoadedMask> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const size = cappedSize(frame, LAYER_MAX_SIDE);
  const [canvas, ctx] = canvasOf(size.width, size.height);
  ctx.drawImage(image, 0, 0, size.width, size.height);
  const data = ctx.getImageData(0, 0, size.width, size.height);
  const px = data.data;
  let x0 = size.width, y0 = size.height, x1 = 0, y1 = 0;
  for (let p = 0; p < size.width * size.height; p += 1) {
    const o = p * 4;
    const on = px[o + 3]! >= 128 && px[o]! + px[o + 1]! + px[o + 2]! >= 3 * 128;
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
