/**
 * Per-pixel resampling of an RGBA picture through a projective map (the camera), bilinear. The hot
 * loop of the engine's camera and ambient push-in, so it is written for speed: the exact source
 * position is computed every SPAN pixels (two divisions) and stepped linearly in 16.16 fixed point in
 * between (a camera pose's perspective bends a 16-pixel span by far less than a hundredth of a
 * pixel); pixels are read and written as 32-bit words and blended two channels per multiply
 * (R and B in one word, G and A in another, 8-bit weights).
 *
 * Preview assumption: what a move brings into view from beyond the frame's edges is the picture
 * mirrored at the edge. Kling invents new content there; a mirror keeps colours and textures
 * continuous, which reads as "more of the same scene" instead of a black border or smeared edge rows.
 */
import type { Mat3 } from "./matrix";

/** Pixels between exact evaluations of the projective map. */
const SPAN = 16;
const LOW = 0x00ff00ff;
const ROUND = 0x00800080;
const OPAQUE = 0xff000000 | 0;

/** Mirrors an index into [0, size − 1] (once; anything farther is clamped). */
function mirror(index: number, size: number): number {
  let i = index < 0 ? -index - 1 : index >= size ? 2 * size - 1 - index : index;
  if (i < 0) i = 0;
  else if (i >= size) i = size - 1;
  return i;
}

/** Bilinear blend of four RGBA words with 8-bit weights fx, fy (0..255), two channels per multiply. */
function blend4(p00: number, p01: number, p10: number, p11: number, fx: number, fy: number): number {
  const gx = 256 - fx;
  const gy = 256 - fy;
  const topRB = (((p00 & LOW) * gx + (p01 & LOW) * fx + ROUND) >>> 8) & LOW;
  const topGA = ((((p00 >>> 8) & LOW) * gx + ((p01 >>> 8) & LOW) * fx + ROUND) >>> 8) & LOW;
  const botRB = (((p10 & LOW) * gx + (p11 & LOW) * fx + ROUND) >>> 8) & LOW;
  const botGA = ((((p10 >>> 8) & LOW) * gx + ((p11 >>> 8) & LOW) * fx + ROUND) >>> 8) & LOW;
  const rb = ((topRB * gy + botRB * fy + ROUND) >>> 8) & LOW;
  const ga = ((topGA * gy + botGA * fy + ROUND) >>> 8) & LOW;
  return rb | (ga << 8) | OPAQUE;
}

/** 32-bit view of an RGBA byte buffer (4-byte aligned: every buffer here starts an ArrayBuffer). */
export function words(bytes: Uint8Array): Int32Array {
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
}

/**
 * out(x, y) ← source(inverse · (x, y)), both `width`×`height` RGBA; `inverse` maps screen continuous
 * pixel coordinates (centre of pixel i at i + 0.5) to source ones. Alpha is written opaque.
 */
export function warpInto(source: Uint8Array, out: Uint8Array, width: number, height: number, inverse: Mat3): void {
  const a = inverse[0]!, b = inverse[1]!, c = inverse[2]!;
  const d = inverse[3]!, e = inverse[4]!, f = inverse[5]!;
  const g = inverse[6]!, h = inverse[7]!, k = inverse[8]!;
  const src = words(source);
  const dst = words(out);
  const maxX = width - 1;
  const maxY = height - 1;
  let o = 0;
  for (let y = 0; y < height; y += 1) {
    const cy = y + 0.5;
    const rx = b * cy + c;
    const ry = e * cy + f;
    const rw = h * cy + k;
    // Source position of pixel centre x + 0.5, minus 0.5: top-left of the bilinear footprint.
    let sx = (a * 0.5 + rx) / (g * 0.5 + rw) - 0.5;
    let sy = (d * 0.5 + ry) / (g * 0.5 + rw) - 0.5;
    for (let x0 = 0; x0 < width; x0 += SPAN) {
      const n = Math.min(SPAN, width - x0);
      const cx = x0 + n + 0.5;
      const ew = g * cx + rw;
      const ex = (a * cx + rx) / ew - 0.5;
      const ey = (d * cx + ry) / ew - 0.5;
      let u = Math.round(sx * 65536);
      let v = Math.round(sy * 65536);
      const du = Math.round(((ex - sx) * 65536) / n);
      const dv = Math.round(((ey - sy) * 65536) / n);
      for (let i = 0; i < n; i += 1) {
        const ix = u >> 16;
        const iy = v >> 16;
        const fx = (u >> 8) & 255;
        const fy = (v >> 8) & 255;
        if (ix >= 0 && iy >= 0 && ix < maxX && iy < maxY) {
          const p = iy * width + ix;
          dst[o] = blend4(src[p]!, src[p + 1]!, src[p + width]!, src[p + width + 1]!, fx, fy);
        } else {
          const xa = mirror(ix, width), xb = mirror(ix + 1, width);
          const ya = mirror(iy, height) * width, yb = mirror(iy + 1, height) * width;
          dst[o] = blend4(src[ya + xa]!, src[ya + xb]!, src[yb + xa]!, src[yb + xb]!, fx, fy);
        }
        o += 1;
        u += du;
        v += dv;
      }
      sx = ex;
      sy = ey;
    }
  }
}
