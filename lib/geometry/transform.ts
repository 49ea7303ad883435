/** Conversions between image space and the editor's stage space, fitting and anchored zoom. */
import type { ImagePoint, Size, StagePoint, Viewport } from "./types";
import { stagePoint } from "./types";

export function imageToStage(point: ImagePoint, viewport: Viewport): StagePoint {
  return stagePoint(point.x * viewport.scale + viewport.x, point.y * viewport.scale + viewport.y);
}

export function stageToImage(point: StagePoint, viewport: Viewport): ImagePoint {
  return { x: (point.x - viewport.x) / viewport.scale, y: (point.y - viewport.y) / viewport.scale };
}

/** The largest scale showing the whole image inside `view` minus `padding` on each side, centred. */
export function fitToView(image: Size, view: Size, padding = 0): Viewport {
  const availableWidth = Math.max(1, view.width - 2 * padding);
  const availableHeight = Math.max(1, view.height - 2 * padding);
  const scale = Math.min(availableWidth / Math.max(1, image.width), availableHeight / Math.max(1, image.height));
  return {
    scale,
    x: (view.width - image.width * scale) / 2,
    y: (view.height - image.height * scale) / 2,
  };
}

export type ZoomLimits = { min: number; max: number };

/** Multiplies the scale by `factor` (clamped to limits) so the image point under `anchor` stays put. */
export function zoomAt(viewport: Viewport, factor: number, anchor: StagePoint, limits: ZoomLimits): Viewport {
  const scale = Math.min(limits.max, Math.max(limits.min, viewport.scale * factor));
  const fixed = stageToImage(anchor, viewport);
  return { scale, x: anchor.x - fixed.x * scale, y: anchor.y - fixed.y * scale };
}
