/**
 * Packed RGBA arithmetic shared by the warp and the compositor: pixels read and written as 32-bit
 * words, two channels per multiply (R with B in the low lanes, G with A in the high ones), 8-bit
 * weights where 256 is the whole, in int32 arithmetic (Math.imul: a plain `*` whose product passes
 * 2³¹ falls back to floating point).
 */

export const LOW = 0x00ff00ff;
export const ROUND = 0x00800080;
export const OPAQUE = 0xff000000 | 0;
/** The whole of an 8-bit fixed-point weight. */
export const ONE = 256;

/** 32-bit view of an RGBA byte buffer (4-byte aligned: every buffer here starts an ArrayBuffer). */
export function words(bytes: Uint8Array): Int32Array {
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
}

/** A weight in 0..1 as 0..256: what every blend and the shortcuts around them agree on. */
export const fixedWeight = (weight: number) => Math.round(weight * ONE);

/** p·(256 − w) + q·w, rounded, w in 0..256. */
export function mix(p: number, q: number, w: number): number {
  const keep = ONE - w;
  const rb = ((Math.imul(p & LOW, keep) + Math.imul(q & LOW, w) + ROUND) >>> 8) & LOW;
  const ga = ((Math.imul((p >>> 8) & LOW, keep) + Math.imul((q >>> 8) & LOW, w) + ROUND) >>> 8) & LOW;
  return rb | (ga << 8);
}

/**
 * Bilinear blend of four RGBA words with 8-bit fractions fx, fy (0..255): the four weights sum to 256,
 * so each channel pair is one weighted sum (at most 255 × 256 per 16-bit lane) rounded once.
 */
export function blend4(p00: number, p01: number, p10: number, p11: number, fx: number, fy: number): number {
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
