/**
 * Per-pixel resampling of an RGBA picture through a projective map (the camera), bilinear. The hot
 * loop of the engine's camera and ambient push-in, so it is written for speed: the exact source
 * position is computed at the ends of each span (a whole row for an affine map, SPAN pixels under
 * perspective) and stepped linearly in 16.16 fixed point in between, in packed integer arithmetic
 * (pixels.ts). The part of a span whose taps all lie inside the frame, solved once per span, is drawn
 * with no per-pixel edge test; only the pixels beyond it mirror. An optional dissolve is applied to
 * each row as soon as it is drawn, while it is still in cache.
 *
 * Preview assumption: what a move brings into view from beyond the frame's edges is the picture
 * mirrored at the edge. Kling invents new content there; a mirror keeps colours and textures
 * continuous, which reads as "more of the same scene" instead of a black border or smeared edge rows.
 */
import type { Mat3 } from "./matrix";
import { blend4, mix, words } from "./pixels";

/**
 * Pixels between exact evaluations of a perspective map: at the strongest camera Kling allows (every
 * axis at 10) a 32-pixel span bends by at most 0.03 px from the exact map at 1280×720. An affine map
 * (zooms, slides, rolls) is linear along a row, so there a whole row is one exact span.
 */
const SPAN = 32;

/** Mirrors an index into [0, size − 1] (once; anything farther is clamped). */
function mirror(index: number, size: number): number {
  let i = index < 0 ? -index - 1 : index >= size ? 2 * size - 1 - index : index;
  if (i < 0) i = 0;
  else if (i >= size) i = size - 1;
  return i;
}

// Scratch for one span's inside run: [first, end) steps. One thread per module instance.
const run = new Int32Array(2);

/**
 * Narrows `run` to the steps i at which the 16.16 position start + step·i lies in [0, limit): solved
 * in reals, then settled on the exact integer positions the loops step through.
 */
function narrow(start: number, step: number, limit: number): void {
  const inside = (i: number) => {
    const at = start + step * i;
    return at >= 0 && at < limit;
  };
  let lo = run[0]!;
  let hi = run[1]!;
  if (step === 0) {
    if (!inside(0)) run[1] = lo;
    return;
  }
  const a = -start / step;
  const b = (limit - start) / step;
  lo = Math.max(lo, Math.ceil(Math.min(a, b)) - 1);
  hi = Math.min(hi, Math.floor(Math.max(a, b)) + 2);
  while (lo < hi && !inside(lo)) lo += 1;
  while (hi > lo && !inside(hi - 1)) hi -= 1;
  run[0] = lo;
  run[1] = Math.max(lo, hi);
}

/** n pixels from dst[o], every tap inside the frame: no edge test. */
function sampleInside(src: Int32Array, dst: Int32Array, o: number, n: number, u: number, du: number, v: number, dv: number, width: number): void {
  const end = o + n;
  if (dv === 0) {
    // One pair of source rows for the whole run (no rotation or perspective: zoom and slides).
    const row = (v >> 16) * width;
    const fy = (v >> 8) & 255;
    for (; o < end; o += 1) {
      const p = row + (u >> 16);
      dst[o] = blend4(src[p]!, src[p + 1]!, src[p + width]!, src[p + width + 1]!, (u >> 8) & 255, fy);
      u += du;
    }
    return;
  }
  for (; o < end; o += 1) {
    const p = (v >> 16) * width + (u >> 16);
    dst[o] = blend4(src[p]!, src[p + 1]!, src[p + width]!, src[p + width + 1]!, (u >> 8) & 255, (v >> 8) & 255);
    u += du;
    v += dv;
  }
}

/** n pixels from dst[o] whose taps may lie beyond the edges, mirrored there. */
function sampleMirrored(src: Int32Array, dst: Int32Array, o: number, n: number, u: number, du: number, v: number, dv: number, width: number, height: number): void {
  for (const end = o + n; o < end; o += 1) {
    const xa = mirror(u >> 16, width), xb = mirror((u >> 16) + 1, width);
    const ya = mirror(v >> 16, height) * width, yb = mirror((v >> 16) + 1, height) * width;
    dst[o] = blend4(src[ya + xa]!, src[ya + xb]!, src[yb + xa]!, src[yb + xb]!, (u >> 8) & 255, (v >> 8) & 255);
    u += du;
    v += dv;
  }
}

/** A picture the warped one dissolves into, and how far: 0..256 (pixels.ts's fixed weight). */
export type Dissolve = { into: Uint8Array; weight: number };

/**
 * out(x, y) ← source(inverse · (x, y)), both `width`×`height` RGBA; `inverse` maps screen continuous
 * pixel coordinates (centre of pixel i at i + 0.5) to source ones. Alpha is written opaque. With a
 * dissolve, out ← mix(warped, dissolve.into, dissolve.weight).
 */
export function warpInto(source: Uint8Array, out: Uint8Array, width: number, height: number, inverse: Mat3, dissolve?: Dissolve): void {
  const a = inverse[0]!, b = inverse[1]!, c = inverse[2]!;
  const d = inverse[3]!, e = inverse[4]!, f = inverse[5]!;
  const g = inverse[6]!, h = inverse[7]!, k = inverse[8]!;
  const src = words(source);
  const dst = words(out);
  const over = dissolve && dissolve.weight > 0 ? words(dissolve.into) : null;
  const overWeight = dissolve?.weight ?? 0;
  const maxX = width - 1;
  const maxY = height - 1;
  const span = g === 0 && h === 0 ? width : SPAN;
  let o = 0;
  for (let y = 0; y < height; y += 1) {
    const cy = y + 0.5;
    const rx = b * cy + c;
    const ry = e * cy + f;
    const rw = h * cy + k;
    // Source position of pixel centre x + 0.5, minus 0.5: top-left of the bilinear footprint.
    let sx = (a * 0.5 + rx) / (g * 0.5 + rw) - 0.5;
    let sy = (d * 0.5 + ry) / (g * 0.5 + rw) - 0.5;
    for (let x0 = 0; x0 < width; x0 += span) {
      const n = Math.min(span, width - x0);
      const cx = x0 + n + 0.5;
      const ew = g * cx + rw;
      const ex = (a * cx + rx) / ew - 0.5;
      const ey = (d * cx + ry) / ew - 0.5;
      const u = Math.round(sx * 65536);
      const v = Math.round(sy * 65536);
      const du = Math.round(((ex - sx) * 65536) / n);
      const dv = Math.round(((ey - sy) * 65536) / n);
      // The run whose taps all lie inside the frame, and the mirrored pixels either side of it.
      run[0] = 0;
      run[1] = n;
      narrow(u, du, maxX << 16);
      narrow(v, dv, maxY << 16);
      const first = run[0]!;
      const end = run[1]!;
      if (first > 0) sampleMirrored(src, dst, o, first, u, du, v, dv, width, height);
      if (end > first) sampleInside(src, dst, o + first, end - first, u + du * first, du, v + dv * first, dv, width);
      if (n > end) sampleMirrored(src, dst, o + end, n - end, u + du * end, du, v + dv * end, dv, width, height);
      o += n;
      sx = ex;
      sy = ey;
    }
    if (over) for (let p = o - width; p < o; p += 1) dst[p] = mix(dst[p]!, over[p]!, overWeight);
  }
}
