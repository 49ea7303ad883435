/**
 * Per-pixel resampling of an RGBA picture through a projective map (the camera), bilinear. The hot
 * loop of the engine's camera and ambient push-in, so it is written for speed: the exact source
 * position is computed every SPAN pixels (two divisions) and stepped linearly in 16.16 fixed point in
 * between (a camera pose's perspective bends a 16-pixel span by far less than a hundredth of a
 * pixel); pixels are read and written as 32-bit words and blended two channels per multiply
 * (R and B in one word, G and A in another, 8-bit weights), in int32 arithmetic (Math.imul: a plain
 * `*` whose product passes 2³¹ falls back to floating point). A span whose two ends sample inside
 * the frame is drawn with no per-pixel edge test; only spans reaching the edge mirror.
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

/**
 * Bilinear blend of four RGBA words with 8-bit fractions fx, fy (0..255): the four weights sum to 256,
 * so each channel pair is one weighted sum (at most 255 × 256 per 16-bit lane) rounded once.
 */
function blend4(p00: number, p01: number, p10: number, p11: number, fx: number, fy: number): number {
  const w11 = (fx * fy + 128) >> 8;
  const w01 = fx - w11;
  const w10 = fy - w11;
  const w00 = 256 - fx - fy + w11;
  const rb = ((Math.imul(p00 & LOW, w00) + Math.imul(p01 & LOW, w01) + Math.imul(p10 & LOW, w10) + Math.imul(p11 & LOW, w11) + ROUND) >>> 8) & LOW;
  const ga =
    ((Math.imul((p00 >>> 8) & LOW, w00) + Math.imul((p01 >>> 8) & LOW, w01) + Math.imul((p10 >>> 8) & LOW, w10) + Math.imul((p11 >>> 8) & LOW, w11) + ROUND) >>> 8) &
    LOW;
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
      const uEnd = u + du * (n - 1);
      const vEnd = v + dv * (n - 1);
      if (Math.min(u, uEnd) >= 0 && Math.min(v, vEnd) >= 0 && Math.max(u, uEnd) >> 16 < maxX && Math.max(v, vEnd) >> 16 < maxY) {
        // Both ends inside, so every pixel between (the span is a straight line in the source).
        for (let i = 0; i < n; i += 1) {
          const p = (v >> 16) * width + (u >> 16);
          dst[o + i] = blend4(src[p]!, src[p + 1]!, src[p + width]!, src[p + width + 1]!, (u >> 8) & 255, (v >> 8) & 255);
          u += du;
          v += dv;
        }
        o += n;
      } else {
        for (let i = 0; i < n; i += 1) {
          const xa = mirror(u >> 16, width), xb = mirror((u >> 16) + 1, width);
          const ya = mirror(v >> 16, height) * width, yb = mirror((v >> 16) + 1, height) * width;
          dst[o] = blend4(src[ya + xa]!, src[ya + xb]!, src[yb + xa]!, src[yb + xb]!, (u >> 8) & 255, (v >> 8) & 255);
          o += 1;
          u += du;
          v += dv;
        }
      }
      sx = ex;
      sy = ey;
    }
  }
}
