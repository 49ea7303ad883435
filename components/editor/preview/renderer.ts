import type { Size } from "@/lib/geometry/types";
import { ZOOM_FACTOR_AT_10 } from "@/lib/motion/camera";
import { mirrorTiles, multiply, type Affine, type FramePlan } from "@/lib/editor/preview/frame-plan";
import type { Layer, PreviewLayers } from "./layers";

/**
 * Draws one preview frame with plain 2D-canvas calls, in the compositor's layer order: the start
 * frame, the fill over each vacated area (faded in by `hole`), the static-mask pixels (so no fill
 * shows on them), the regions at their offsets in front of everything, all under the camera, then
 * the tail frame dissolving in over everything.
 * Bilinear drawImage at sub-pixel offsets is the compositor's premultiplied bilinear paste.
 */

export type FrameSources = {
  start: CanvasImageSource;
  tail: CanvasImageSource | null;
  frame: Size;
  /** Null until cut: then only the start frame (exact at t = 0) and the camera can be drawn. */
  layers: PreviewLayers | null;
};

/** Reused offscreen canvas for frames that move regions and the camera at once. */
export type ComposeCache = { canvas: HTMLCanvasElement | null };

function drawLayer(ctx: CanvasRenderingContext2D, layer: Layer, dx = 0, dy = 0): void {
  ctx.drawImage(layer.canvas, layer.rect.x + dx, layer.rect.y + dy, layer.rect.width, layer.rect.height);
}

function movesRegions(plan: FramePlan, layers: PreviewLayers | null): layers is PreviewLayers {
  return layers !== null && plan.regions.some((r, i) => layers.regions[i] && (r.dx !== 0 || r.dy !== 0));
}

/** The composed picture (before the camera), in frame pixels mapped by `m`. */
function drawPicture(ctx: CanvasRenderingContext2D, m: Affine, plan: FramePlan, sources: FrameSources): void {
  const { start, frame, layers } = sources;
  ctx.setTransform(...m);
  ctx.drawImage(start, 0, 0, frame.width, frame.height);
  if (!movesRegions(plan, layers)) return;
  layers.regions.forEach((layer, i) => {
    const hole = plan.regions[i]?.hole ?? 0;
    if (!layer?.hole || hole <= 0) return;
    ctx.globalAlpha = hole;
    drawLayer(ctx, layer.hole);
  });
  ctx.globalAlpha = 1;
  // Static pixels never show a fill; regions then pass in front of them (lib/motion/model.ts).
  if (layers.static) drawLayer(ctx, layers.static);
  layers.regions.forEach((layer, i) => {
    const at = plan.regions[i];
    if (layer && at && (at.dx !== 0 || at.dy !== 0)) drawLayer(ctx, layer.region, at.dx, at.dy);
  });
}

/**
 * One frame into `ctx`, whose canvas shows the frame through `base` (frame pixels → device pixels).
 * `displayScale` is device pixels per frame pixel, for the resolution of an intermediate picture.
 */
export function drawFrame(ctx: CanvasRenderingContext2D, base: Affine, displayScale: number, plan: FramePlan, sources: FrameSources, cache: ComposeCache): void {
  const { frame, layers } = sources;
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = "source-over";
  ctx.imageSmoothingEnabled = true;
  if (!plan.camera) {
    drawPicture(ctx, base, plan, sources);
  } else {
    let picture: CanvasImageSource = sources.start;
    if (movesRegions(plan, layers)) {
      // Regions and camera together: compose once at the resolution the camera can magnify to.
      const k = Math.min(1, displayScale * ZOOM_FACTOR_AT_10);
      const width = Math.max(1, Math.round(frame.width * k));
      const height = Math.max(1, Math.round(frame.height * k));
      const canvas = (cache.canvas ??= document.createElement("canvas"));
      if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
      const composeCtx = canvas.getContext("2d");
      if (composeCtx) {
        drawPicture(composeCtx, [width / frame.width, 0, 0, height / frame.height, 0, 0], plan, sources);
        picture = canvas;
      }
    }
    const camera = multiply(base, plan.camera);
    for (const tile of mirrorTiles(frame)) {
      ctx.setTransform(...multiply(camera, tile));
      ctx.drawImage(picture, 0, 0, frame.width, frame.height);
    }
  }
  if (sources.tail && plan.tail > 0) {
    ctx.setTransform(...base);
    ctx.globalAlpha = plan.tail;
    ctx.drawImage(sources.tail, 0, 0, frame.width, frame.height);
    ctx.globalAlpha = 1;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}
