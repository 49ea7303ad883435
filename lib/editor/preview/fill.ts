/**
 * The fill of the places regions leave behind, as the engine's compositor computes it (the
 * patch-offset texture fill of lib/motion/fill.ts over the regions grown by FILL_MARGIN_PX), for the
 * browser: from RGBA pixels and a coverage channel, at whatever reduced size the caller read them
 * (a worker computes it at FILL_MAX_SIDE; a coarse pass first, so playback starts at once).
 */
import { FILL_MARGIN_PX, vacatedArea } from "@/lib/motion/compositor";
import { inpaint } from "@/lib/motion/fill";

/** Longest side the browser computes the fill at. */
export const FILL_MAX_SIDE = 640;

/**
 * `pixels`: the start frame, RGBA, width × height. `coverage`: RGBA whose alpha is the union of the
 * regions' masks at the same size. `scale`: this size over the frame's, to keep the margin in frame
 * pixels. Returns opaque RGBA, ready for ImageData.
 */
export function fillVacated(pixels: Uint8ClampedArray, coverage: Uint8ClampedArray, width: number, height: number, scale: number): Uint8ClampedArray<ArrayBuffer> {
  const union = new Uint8Array(width * height);
  for (let p = 0; p < union.length; p += 1) union[p] = coverage[p * 4 + 3]!;
  const unknown = vacatedArea([union], width, height, Math.max(1, Math.ceil(FILL_MARGIN_PX * scale)));
  const filled = inpaint(pixels, unknown, width, height);
  return new Uint8ClampedArray(filled.buffer as ArrayBuffer, filled.byteOffset, filled.length);
}
