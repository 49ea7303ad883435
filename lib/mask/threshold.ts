/**
 * THE mask threshold: which pixel of a mask image counts as painted. Kling does not say how it reads a
 * mask (kling-api.md §3.2, §11 item 6; the working convention is white on black), so we send binary
 * masks and decide here, once, for the server's rasteriser and the editor's preview alike.
 *
 * A pixel is painted when its luma, composited over black, is at least half: transparent is never
 * painted (like the black background it is sent on), half-transparent white is at the edge. Luma uses
 * the Rec. 601 weights that PIL's and OpenCV's greyscale conversions use, i.e. how a Python backend
 * most likely greys a colour mask. Integer arithmetic keeps it exact on every platform.
 */

/** Luma (0–255) from this value up is painted. */
export const MASK_THRESHOLD = 128;
const R = 299;
const G = 587;
const B = 114;
/** luma·alpha ≥ threshold ⇔ (299r + 587g + 114b)·a ≥ 128 · 1000 · 255. */
const LIMIT = MASK_THRESHOLD * (R + G + B) * 255;

/** Straight (not premultiplied) 8-bit RGBA → painted or not. */
export function isPaintedPixel(r: number, g: number, b: number, a: number): boolean {
  return (R * r + G * g + B * b) * a >= LIMIT;
}

/** RGBA bytes (4 per pixel) → one byte per pixel: 255 painted, 0 not. */
export function thresholdRgba(rgba: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(Math.floor(rgba.length / 4));
  for (let p = 0, o = 0; p < out.length; p += 1, o += 4) {
    out[p] = isPaintedPixel(rgba[o]!, rgba[o + 1]!, rgba[o + 2]!, rgba[o + 3]!) ? 255 : 0;
  }
  return out;
}
