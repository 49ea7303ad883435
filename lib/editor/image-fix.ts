/**
 * Geometry of the one-click fixes the frame slots offer when an image breaks Kling's frame rules
 * (kling-api.md §3.1, limits in lib/kling/contract.ts: each side ≥ 300 px, aspect w:h between 1:2.5 and
 * 2.5:1), and of fitting a
 * tail frame to the start frame's size. Pure: the canvas work lives in lib/browser/image-ops.ts.
 */

import { MAX_ASPECT, MIN_ASPECT, MIN_IMAGE_SIDE } from "@/lib/kling/contract";
import type { Size } from "./document";

export type { Size };
export type Rect = { x: number; y: number; width: number; height: number };

export function aspectOf(size: Size): number {
  return size.width / size.height;
}

export function isAspectAllowed(size: Size): boolean {
  const aspect = aspectOf(size);
  return aspect >= MIN_ASPECT && aspect <= MAX_ASPECT;
}

export function isLargeEnough(size: Size, min = MIN_IMAGE_SIDE): boolean {
  return size.width >= min && size.height >= min;
}

/** "1:4.5" or "2.8:1": the way the contract writes aspect ratios, so messages match the docs. */
export function formatAspect(size: Size): string {
  const aspect = aspectOf(size);
  const short = (n: number) => String(Math.round(n * 100) / 100);
  return aspect >= 1 ? `${short(aspect)}:1` : `1:${short(1 / aspect)}`;
}

/** The words for each are lib/text/frame-text.ts's (problemText), in the UI's language. */
export type FrameProblem = { kind: "aspect" } | { kind: "too-small" };

/** What is wrong with an image of this size; empty when Kling accepts it. */
export function frameProblems(size: Size): FrameProblem[] {
  const problems: FrameProblem[] = [];
  if (!isAspectAllowed(size)) problems.push({ kind: "aspect" });
  if (!isLargeEnough(size)) problems.push({ kind: "too-small" });
  return problems;
}

/**
 * The largest centred crop whose aspect is inside the allowed range: the whole image when it already
 * is, otherwise a crop at the nearest bound (2.5:1 for panoramas, 1:2.5 for tall strips). Integer
 * pixels, rounded so that the result never falls outside the range.
 */
export function nearestAllowedCrop(size: Size): Rect {
  const aspect = aspectOf(size);
  if (aspect > MAX_ASPECT) {
    const width = Math.max(1, Math.min(size.width, Math.floor(size.height * MAX_ASPECT)));
    return { x: Math.floor((size.width - width) / 2), y: 0, width, height: size.height };
  }
  if (aspect < MIN_ASPECT) {
    const height = Math.max(1, Math.min(size.height, Math.floor(size.width / MIN_ASPECT)));
    return { x: 0, y: Math.floor((size.height - height) / 2), width: size.width, height };
  }
  return { x: 0, y: 0, width: size.width, height: size.height };
}

/** Keeps a crop box inside the image: shrinks it if larger, then slides it back in, integer pixels. */
export function clampCropBox(box: Rect, size: Size): Rect {
  const width = Math.round(Math.min(Math.max(box.width, 1), size.width));
  const height = Math.round(Math.min(Math.max(box.height, 1), size.height));
  const x = Math.round(Math.min(Math.max(box.x, 0), size.width - width));
  const y = Math.round(Math.min(Math.max(box.y, 0), size.height - height));
  return { x, y, width, height };
}

/** Moves a crop box by a drag delta (in image pixels) without letting it leave the image. */
export function moveCropBox(box: Rect, dx: number, dy: number, size: Size): Rect {
  return clampCropBox({ ...box, x: box.x + dx, y: box.y + dy }, size);
}

/**
 * The smallest size, same aspect, whose shorter side is at least `min`. Returns the input when it is
 * already large enough. The longer side is rounded, then nudged so rounding cannot push an allowed
 * aspect past a bound (750×300 stays 2.5:1, never 751×300).
 */
export function upscaleSize(size: Size, min = MIN_IMAGE_SIDE): Size {
  const shorter = Math.min(size.width, size.height);
  if (shorter >= min) return { width: size.width, height: size.height };
  const factor = min / shorter;
  let width = Math.max(min, Math.round(size.width * factor));
  let height = Math.max(min, Math.round(size.height * factor));
  if (isAspectAllowed(size)) {
    width = Math.min(width, Math.floor(height * MAX_ASPECT));
    height = Math.min(height, Math.floor(width / MIN_ASPECT));
  }
  return { width, height };
}

/**
 * How to turn an image of `source` size into exactly `target` size without distortion: the largest
 * centred crop with the target's aspect ("cover"), then a resize to `target`.
 */
export function fitSize(source: Size, target: Size): { crop: Rect; output: Size } {
  const targetAspect = aspectOf(target);
  let width = source.width;
  let height = source.height;
  if (aspectOf(source) > targetAspect) width = Math.max(1, Math.min(source.width, Math.round(source.height * targetAspect)));
  else height = Math.max(1, Math.min(source.height, Math.round(source.width / targetAspect)));
  const crop = { x: Math.floor((source.width - width) / 2), y: Math.floor((source.height - height) / 2), width, height };
  return { crop, output: { width: target.width, height: target.height } };
}

export function sameSize(a: Size, b: Size): boolean {
  return a.width === b.width && a.height === b.height;
}

/** A crop (source pixels) followed by a resize to `output`; the identity when nothing must change. */
export type FrameTransform = { crop: Rect; output: Size };

/** Crop to `crop`, then upscale if the crop is still under the minimum side: the one-click fix. */
export function fixTransform(crop: Rect, min = MIN_IMAGE_SIDE): FrameTransform {
  return { crop, output: upscaleSize({ width: crop.width, height: crop.height }, min) };
}

export type FramePlan =
  | { action: "upload" }
  | { action: "fit"; transform: FrameTransform }
  | { action: "fix"; problems: FrameProblem[]; crop: Rect | null; upscale: boolean };

/**
 * What a slot does with a freshly chosen image: upload it as is, fit a tail frame to the start
 * frame's size (the fitted size is the start frame's, already valid), or stop and offer the fix.
 */
export function planFrame(size: Size, fitTo: Size | null): FramePlan {
  if (fitTo && !sameSize(size, fitTo)) {
    return { action: "fit", transform: fitSize(size, fitTo) };
  }
  const problems = frameProblems(size);
  if (problems.length === 0) return { action: "upload" };
  const aspectWrong = problems.some((p) => p.kind === "aspect");
  const crop = aspectWrong ? nearestAllowedCrop(size) : null;
  const upscale = !isLargeEnough(crop ?? size);
  return { action: "fix", problems, crop, upscale };
}
