import "server-only";

/** "About 720p": as many pixels as 1280×720, at the source's aspect ratio. */
export const TARGET_PIXELS = 1280 * 720;
export const FPS = 30;

/**
 * The output size for a source of `width`×`height`: width×height ≈ `targetPixels`, same aspect, both
 * sides even (yuv420p subsamples chroma 2×2, so libx264 refuses odd sizes).
 */
export function outputSize(width: number, height: number, targetPixels: number = TARGET_PIXELS): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError(`invalid source size ${width}x${height}`);
  const aspect = width / height;
  const even = (value: number) => Math.max(2, 2 * Math.round(value / 2));
  return { width: even(Math.sqrt(targetPixels * aspect)), height: even(Math.sqrt(targetPixels / aspect)) };
}

export function frameCount(durationS: number): number {
  return Math.round(durationS * FPS);
}
