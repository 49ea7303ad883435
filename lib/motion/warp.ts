/**
 * Per-pixel resampling of an RGBA picture through a projective map (the camera), bilinear. The hot
 * loop of the engine's camera and ambient push-in, so it is written for speed: the exact source
 * position is computed every SPAN pixels (two divisions) and stepped linearly in 16.16 fixed point in
 * between (a camera pose's perspective bends a 16-pixel span by far less than a hundredth of a
 * pixel), in packed integer arithmetic (pixels.ts). A span whose two ends sample inside the frame is
 * drawn with no per-pixel edge test; only spans reaching the edge mirror. An optional dissolve is
 * applied to each row as soon as it is drawn, while it is still in cache.
 *
 * Preview assumption: what a move brings into view from beyond the frame's edges is the picture
 * mirrored at the edge. Kling invents new content there; a mirror keeps colours and textures
 * continuous, which reads as "more of the same scene" instead of a black border or smeared edge rows.
 */
import type { Mat3 } from "./matrix";
import { blend4, mix, words } from "./pixels";

/** Pixels between exact evaluations of the projective map. */
const SPAN = 16;

/** Mirrors an index into [0, size − 1] (once; anything farther is clamped). */
function mirror(index: number, size: number): number {
  let i = index < 0 ? -index - 1 : index >= size ? 2 * size - 1 - index : index;
  if (i < 0) i = 0;
  else if (i >= size) i = size - 1;
  return i;
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
        if (dv === 0) {
          // One pair of source rows for the whole span (no rotation or perspective: zoom and slides).
          const row = (v >> 16) * width;
          const fy = (v >> 8) & 255;
          for (let i = 0; i < n; i += 1) {
            const p = row + (u >> 16);
            dst[o + i] = blend4(src[p]!, src[p + 1]!, src[p + width]!, src[p + width + 1]!, (u >> 8) & 255, fy);
            u += du;
          }
        } else {
          for (let i = 0; i < n; i += 1) {
            const p = (v >> 16) * width + (u >> 16);
            dst[o + i] = blend4(src[p]!, src[p + 1]!, src[p + width]!, src[p + width + 1]!, (u >> 8) & 255, (v >> 8) & 255);
            u += du;
            v += dv;
          }
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
    if (over) for (let p = o - width; p < o; p += 1) dst[p] = mix(dst[p]!, over[p]!, overWeight);
  }
}
