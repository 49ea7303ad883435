import type { Rect, Size } from "@/lib/geometry/types";
import { maskBounds } from "@/lib/mask/bounds";
import { cappedSize, layerRect, type PixelRect } from "@/lib/editor/preview/frame-plan";
import { fillVacated } from "@/lib/editor/preview/fill";
import { FEATHER_PX } from "@/lib/motion/compositor";
import { drawMaskOps, maskOps } from "@/lib/editor/preview/mask-ops";
import { isAssetMask, type Mask } from "@/lib/recipe/schema";
import type { LoadedMask } from "./asset-mask";
import { canvasOf, LAYER_MAX_SIDE } from "./layer-canvas";

/**
 * Everything about the moving picture that does not depend on time, cut once into small offscreen
 * canvases so a frame is a handful of drawImage calls: each region's pixels (the start frame under its
 * mask, alpha = coverage with a FEATHER_PX soft outer edge), the texture fill over the place it
 * leaves, and the static-mask pixels, drawn over the fills (they never move) and under the moving
 * regions. Browser only.
 *
 * The fill comes in two passes. A coarse one (FIRST_FILL_SIDE, about a millisecond) is cut with the
 * rest, so playback starts at once; the fine one (FILL_MAX_SIDE, tens of milliseconds) is computed off
 * the main thread and replaces it. Only the vacated slivers of the first frames can tell them apart.
 */

/** Longest side of the coarse fill cut with the layers. */
export const FIRST_FILL_SIDE = 64;

export type Layer = { rect: PixelRect; canvas: HTMLCanvasElement };
export type RegionLayers = { region: Layer; hole: Layer | null };

export type PreviewLayers = {
  /** Parallel to the recipe's regions; null for a region that paints nothing on the frame. */
  regions: (RegionLayers | null)[];
  static: Layer | null;
};

export type LayerInput = {
  start: HTMLImageElement;
  frame: Size;
  staticMask: Mask | null;
  regionMasks: readonly Mask[];
  assetMasks: ReadonlyMap<string, LoadedMask>;
};

/** What a fill is computed from: the start frame and the union of the regions' coverage (alpha), at one size. */
export type FillInput = { width: number; height: number; scale: number; pixels: Uint8ClampedArray; coverage: Uint8ClampedArray };

export type CutLayers = {
  layers: PreviewLayers;
  /** Reads the inputs of the fine fill (a few ms, so not on the way to the first moving frame); null when no region paints anything. */
  fine: (() => FillInput) | null;
  /** The same layers with the holes cut from a fill computed from `fine`. */
  withFill(filled: Uint8ClampedArray<ArrayBuffer>): PreviewLayers;
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

/**
 * `paint` (drawing in frame pixels) kept only where `coverage` paints, inside `rect`. `feather`:
 * a soft outer edge of about that many frame pixels (a blurred copy under the sharp coverage), like
 * the compositor's featherOut; where canvas filters are missing the edge stays sharp.
 */
function cut(coverage: Coverage, rect: PixelRect, scale: number, paint: (ctx: CanvasRenderingContext2D) => void, feather = 0): Layer {
  const [canvas, ctx] = canvasOf(rect.width * scale, rect.height * scale);
  ctx.setTransform(scale, 0, 0, scale, -rect.x * scale, -rect.y * scale);
  if (feather > 0 && "filter" in ctx) {
    ctx.filter = `blur(${(feather * scale) / 2}px)`;
    coverage.draw(ctx);
    ctx.filter = "none";
  }
  coverage.draw(ctx);
  ctx.globalCompositeOperation = "source-in";
  paint(ctx);
  return { rect, canvas };
}

/** The fill's inputs at `maxSide`: region layers are the start frame under each mask, so their alpha is the coverage. */
function readFillInput(start: HTMLImageElement, frame: Size, regions: readonly Layer[], maxSide: number): FillInput {
  const size = cappedSize(frame, maxSide);
  const pictureCtx = canvasOf(size.width, size.height, true)[1];
  pictureCtx.drawImage(start, 0, 0, size.width, size.height);
  const unionCtx = canvasOf(size.width, size.height, true)[1];
  unionCtx.scale(size.scale, size.scale);
  for (const { rect, canvas } of regions) unionCtx.drawImage(canvas, rect.x, rect.y, rect.width, rect.height);
  return {
    ...size,
    pixels: pictureCtx.getImageData(0, 0, size.width, size.height).data,
    coverage: unionCtx.getImageData(0, 0, size.width, size.height).data,
  };
}

function fillCanvas(input: Size, filled: Uint8ClampedArray<ArrayBuffer>): HTMLCanvasElement {
  const [canvas, ctx] = canvasOf(input.width, input.height);
  ctx.putImageData(new ImageData(filled, input.width, input.height), 0, 0);
  return canvas;
}

/** Cuts every layer, with the coarse fill; a few milliseconds at 1080p. */
export function cutLayers({ start, frame, staticMask, regionMasks, assetMasks }: LayerInput, fineSide: number): CutLayers {
  const scale = cappedSize(frame, LAYER_MAX_SIDE).scale;
  const cutStart = (mask: Mask | null, feather = 0) => {
    const coverage = coverageOf(mask, frame, assetMasks);
    const rect = coverage && layerRect(coverage.bounds, frame, 1 + feather);
    return coverage && rect ? { coverage, feather, layer: cut(coverage, rect, scale, (ctx) => ctx.drawImage(start, 0, 0, frame.width, frame.height), feather) } : null;
  };
  const regions = regionMasks.map((mask) => cutStart(mask, FEATHER_PX));
  const painted = regions.flatMap((c) => (c ? [c.layer] : []));
  const staticLayer = cutStart(staticMask)?.layer ?? null;
  const withFill = (fill: HTMLCanvasElement | null): PreviewLayers => ({
    regions: regions.map(
      (c) => c && { region: c.layer, hole: fill && cut(c.coverage, c.layer.rect, scale, (ctx) => ctx.drawImage(fill, 0, 0, frame.width, frame.height), c.feather) },
    ),
    static: staticLayer,
  });
  if (painted.length === 0) return { layers: withFill(null), fine: null, withFill: () => withFill(null) };
  const coarse = readFillInput(start, frame, painted, FIRST_FILL_SIDE);
  const fineSize = cappedSize(frame, fineSide);
  return {
    layers: withFill(fillCanvas(coarse, fillVacated(coarse.pixels, coarse.coverage, coarse.width, coarse.height, coarse.scale))),
    fine: () => readFillInput(start, frame, painted, fineSide),
    withFill: (filled) => withFill(fillCanvas(fineSize, filled)),
  };
}
