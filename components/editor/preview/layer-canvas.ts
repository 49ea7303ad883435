/** The offscreen canvases the preview's layers and loaded masks are drawn on. Browser only. */

/** Layers keep at most this many pixels on their longer side: six full-frame regions of a 4K frame stay in memory bounds. */
export const LAYER_MAX_SIDE = 2048;

/** `readBack`: pixels will be read with getImageData, so keep the canvas in memory rather than on the GPU. */
export function canvasOf(width: number, height: number, readBack = false): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.ceil(width));
  canvas.height = Math.max(1, Math.ceil(height));
  const ctx = canvas.getContext("2d", { willReadFrequently: readBack });
  if (!ctx) throw new Error("2D canvas unavailable");
  return [canvas, ctx];
}
