/**
 * Per-pixel resampling of an RGBA picture through a projective map (the camera). Bilinear, in 8-bit
 * fixed point; the row's numerators and denominator are stepped incrementally, so each pixel costs
 * one division and four taps.
 *
 * Preview assumption: what a move brings into view from beyond the frame's edges is the picture
 * mirrored at the edge. Kling invents new content there; a mirror keeps colours and textures
 * continuous, which reads as "more of the same scene" instead of a black border or smeared edge rows.
 */
import type { Mat3 } from "./matrix";

/** Mirrors an index into [0, size − 1] (once; anything farther is clamped). */
function mirror(index: number, size: number): number {
  let i = index < 0 ? -index - 1 : index >= size ? 2 * size - 1 - index : index;
  if (i < 0) i = 0;
  else if (i >= size) i = size - 1;
  return i;
}

/**
 * out(x, y) ← source(inverse · (x, y)), both `width`×`height` RGBA; `inverse` maps screen continuous
 * pixel coordinates (centre of pixel i at i + 0.5) to source ones. Alpha is written opaque.
 */
export function warpInto(source: Uint8Array, out: Uint8Array, width: number, height: number, inverse: Mat3): void {
  const a = inverse[0]!, b = inverse[1]!, c = inverse[2]!;
  const d = inverse[3]!, e = inverse[4]!, f = inverse[5]!;
  const g = inverse[6]!, h = inverse[7]!, k = inverse[8]!;
  const stride = width * 4;
  let o = 0;
  for (let y = 0; y < height; y += 1) {
    const cy = y + 0.5;
    let nx = a * 0.5 + b * cy + c;
    let ny = d * 0.5 + e * cy + f;
    let nw = g * 0.5 + h * cy + k;
    for (let x = 0; x < width; x += 1) {
      const sx = nx / nw - 0.5;
      const sy = ny / nw - 0.5;
      nx += a;
      ny += d;
      nw += g;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = ((sx - x0) * 256) | 0;
      const fy = ((sy - y0) * 256) | 0;
      let p00: number, p01: number, p10: number, p11: number;
      if (x0 >= 0 && y0 >= 0 && x0 < width - 1 && y0 < height - 1) {
        p00 = y0 * stride + x0 * 4;
        p01 = p00 + 4;
        p10 = p00 + stride;
        p11 = p10 + 4;
      } else {
        const xa = mirror(x0, width) * 4;
        const xb = mirror(x0 + 1, width) * 4;
        const ya = mirror(y0, height) * stride;
        const yb = mirror(y0 + 1, height) * stride;
        p00 = ya + xa;
        p01 = ya + xb;
        p10 = yb + xa;
        p11 = yb + xb;
      }
      const gx = 256 - fx;
      const gy = 256 - fy;
      out[o] = ((source[p00]! * gx + source[p01]! * fx) * gy + (source[p10]! * gx + source[p11]! * fx) * fy + 32768) >> 16;
      out[o + 1] = ((source[p00 + 1]! * gx + source[p01 + 1]! * fx) * gy + (source[p10 + 1]! * gx + source[p11 + 1]! * fx) * fy + 32768) >> 16;
      out[o + 2] = ((source[p00 + 2]! * gx + source[p01 + 2]! * fx) * gy + (source[p10 + 2]! * gx + source[p11 + 2]! * fx) * fy + 32768) >> 16;
      out[o + 3] = 255;
      o += 4;
    }
  }
}
