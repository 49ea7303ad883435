/**
 * Draws the motion model (model.ts) into RGBA buffers: the preview engine's frames, and the reference
 * the browser's canvas layers follow (same fill, same feather, same layer order). Everything that does
 * not depend on time (feathered region alphas, hole alphas, the texture fill of vacated areas, work
 * buffers) is computed once in `createCompositor`; a frame is a copy, work limited to the regions'
 * bounding boxes, an optional camera warp and an optional dissolve, with no buffer allocated.
 */
import type { CameraInput } from "./camera";
import { isIdentityPose, poseMatrix } from "./camera";
import { inpaint } from "./fill";
import { invert } from "./matrix";
import { cameraPoseAt, holeWeight, regionOffsetsInto, tailWeight, type MotionScene } from "./model";
import type { TimedPath } from "./timed-path";
import { fixedWeight, LOW, mix, ONE, ROUND, words } from "./pixels";
import { warpInto, type Dissolve } from "./warp";
import { boundsOf, dilate, EMPTY_BOX, featherOut, growBox, unionBox, type Box } from "./morphology";

/** Pixels around the regions also left out of the fill's sources: antialiased or JPEG-smeared edges. */
export const FILL_MARGIN_PX = 2;
/** Width of a moving region's soft outer edge (featherOut): no scissor-cut outline. */
export const FEATHER_PX = 3;

export type CompositorRegion = {
  /** One byte per pixel at the output size: 255 = part of the region. */
  mask: Uint8Array;
  /** Timed path in output pixels. */
  path: TimedPath;
};

export type CompositorInput = {
  width: number;
  height: number;
  /** RGBA at the output size, or null. */
  start: Uint8Array | null;
  tail: Uint8Array | null;
  /** One byte per pixel, 255 = never moves; or null. */
  staticMask: Uint8Array | null;
  regions: readonly CompositorRegion[];
  camera: CameraInput | null;
};

export type Compositor = {
  scene: MotionScene;
  /** Writes the frame at normalised time t into `out` (width × height × 4 bytes, opaque). */
  render(t: number, out: Uint8Array): void;
};

/** A region ready to draw: its feathered alpha, and the alpha of the fill over the place it leaves. */
type PreparedRegion = { alpha: Uint8Array; box: Box; hole: Uint8Array; holeBox: Box };

/** The union of the regions grown by FILL_MARGIN_PX: what the fill must invent. */
export function vacatedArea(masks: readonly Uint8Array[], width: number, height: number, margin = FILL_MARGIN_PX, boxes = masks.map((mask) => boundsOf(mask, width, height))): Uint8Array {
  const union = new Uint8Array(width * height);
  masks.forEach((mask, i) => {
    const box = boxes[i]!;
    for (let y = box.y0; y < box.y1; y += 1) {
      for (let p = y * width + box.x0; p < y * width + box.x1; p += 1) if (mask[p]! > union[p]!) union[p] = mask[p]!;
    }
  });
  const grown = dilate(union, width, height, margin, boxes.reduce(unionBox, EMPTY_BOX));
  for (let p = 0; p < grown.length; p += 1) if (grown[p]! > 0) grown[p] = 255;
  return grown;
}

/**
 * Per region: the alpha it is drawn with (feathered outwards) and where the fill shows once it has
 * moved: its mask grown by the margin, except on the static mask, whose pixels stay as they are.
 * Every pass stays inside the region's box grown by the feather or the margin.
 */
function prepareRegions(input: CompositorInput, boxes: readonly Box[]): PreparedRegion[] {
  const { width, height, staticMask } = input;
  return input.regions.map(({ mask }, i) => {
    const painted = boxes[i]!;
    const reach = growBox(painted, Math.max(FEATHER_PX, FILL_MARGIN_PX), width, height);
    const alpha = featherOut(mask, width, height, FEATHER_PX, painted);
    const hole = dilate(mask, width, height, FILL_MARGIN_PX, painted);
    if (staticMask) {
      for (let y = reach.y0; y < reach.y1; y += 1) {
        for (let p = y * width + reach.x0; p < y * width + reach.x1; p += 1) if (hole[p]! > 0) hole[p] = (hole[p]! * (255 - staticMask[p]!) + 127) / 255;
      }
    }
    return { alpha, box: boundsOf(alpha, width, height, reach), hole, holeBox: boundsOf(hole, width, height, reach) };
  });
}

/** What moves in the compositor's picture, without touching a pixel. */
export function sceneOf(input: CompositorInput): MotionScene {
  return {
    size: { width: input.width, height: input.height },
    regions: input.regions.map((region) => region.path),
    camera: input.camera,
    hasStart: input.start !== null,
    hasTail: input.tail !== null,
    hasStaticMask: input.staticMask !== null,
  };
}

export function createCompositor(input: CompositorInput): Compositor {
  const { width, height, start, tail } = input;
  const source = start ?? tail;
  const scene = sceneOf(input);
  // Each mask's painted box, found once: every set-up pass below stays inside it.
  const boxes = source ? input.regions.map((region) => boundsOf(region.mask, width, height)) : [];
  const regions = source ? prepareRegions(input, boxes) : [];
  const fill = source && regions.length > 0 ? inpaint(source, vacatedArea(input.regions.map((r) => r.mask), width, height, FILL_MARGIN_PX, boxes), width, height) : null;
  const offsets = new Float64Array(regions.length * 2);
  const matrix = new Float64Array(9);
  const inverse = new Float64Array(9);
  let composed: Uint8Array | null = null;
  const dissolve: Dissolve | undefined = tail && start ? { into: tail, weight: 0 } : undefined;

  function render(t: number, out: Uint8Array): void {
    if (!source) {
      out.fill(0);
      return;
    }
    const tailW = tail && start ? tailWeight(t) : 0;
    // A frame that is all tail frame (the last ones) needs nothing drawn under it.
    const tailFixed = fixedWeight(tailW);
    if (tailFixed >= ONE) return blendInto(out, source, tail, tailW);
    const pose = cameraPoseAt(scene, t);
    const warp = !isIdentityPose(pose);
    if (!warp && regions.length === 0) return blendInto(out, source, tail, tailW);
    // Regions are composed in `out`, or, under a camera, in a work buffer the camera warps into
    // `out`; a camera alone warps the source itself.
    let picture = source;
    if (regions.length > 0) {
      picture = warp ? (composed ??= new Uint8Array(width * height * 4)) : out;
      composeRegions(picture, t);
    }
    if (dissolve) dissolve.weight = tailFixed;
    if (warp) warpInto(picture, out, width, height, invert(poseMatrix(pose, scene.size, matrix), inverse), dissolve);
    else if (tailW > 0) blendInto(out, out, tail, tailW);
  }

  /**
   * Bottom to top: the fill over each vacated area (static pixels excluded), then the regions, which
   * pass in front of everything, static areas included.
   */
  function composeRegions(target: Uint8Array, t: number): void {
    target.set(source!);
    regionOffsetsInto(scene, t, offsets);
    regions.forEach((region, i) => {
      const hole = holeWeight(offsets[2 * i]!, offsets[2 * i + 1]!);
      if (fill && hole > 0) blendMasked(target, fill, region.hole, region.holeBox, hole, width);
    });
    regions.forEach((region, i) => pasteShifted(target, source!, region.alpha, region.box, offsets[2 * i]!, offsets[2 * i + 1]!, width, height));
  }

  return { scene, render };
}

/** A mask byte (0..255) as a weight of 0..256, so that full coverage is exactly the whole. */
const coverage = (m: number) => m + (m >> 7);

/** target ← lerp(target, layer, mask × weight) inside `box`. */
function blendMasked(target: Uint8Array, layer: Uint8Array, mask: Uint8Array, box: Box, weight: number, width: number): void {
  const k = fixedWeight(weight);
  const dst = words(target);
  const src = words(layer);
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let p = y * width + box.x0; p < y * width + box.x1; p += 1) {
      const m = mask[p]!;
      if (m !== 0) dst[p] = mix(dst[p]!, src[p]!, (coverage(m) * k + 128) >> 8);
    }
  }
}

/**
 * Draws the region (source pixels under `mask`) shifted by (dx, dy) over target, bilinear for the
 * sub-pixel part (the same four weights for every pixel). Each tap counts by its coverage too
 * (premultiplied), so background beside the region does not bleed in; what the taps leave uncovered
 * shows the target. 8-bit weights on packed words: a fully covered pixel is exactly the bilinear
 * sample, an untouched one exactly the target.
 */
function pasteShifted(target: Uint8Array, source: Uint8Array, mask: Uint8Array, box: Box, dx: number, dy: number, width: number, height: number): void {
  if (box.x1 <= box.x0) return;
  // Destination pixel x samples source x + ox (weight 1 − u) and x + ox + 1 (weight u).
  const ox = Math.floor(-dx);
  const oy = Math.floor(-dy);
  const fx = Math.min(255, Math.round((-dx - ox) * ONE));
  const fy = Math.min(255, Math.round((-dy - oy) * ONE));
  // Four weights summing to exactly 256 (as in warp.ts's blend4).
  const w11 = (fx * fy + 128) >> 8, w01 = fx - w11, w10 = fy - w11, w00 = ONE - fx - fy + w11;
  // Every destination whose taps can touch the box, kept where all taps lie inside the frame.
  const area: Box = {
    x0: Math.max(box.x0 - ox - 1, -ox, 0),
    y0: Math.max(box.y0 - oy - 1, -oy, 0),
    x1: Math.min(box.x1 - ox, width - 1 - ox, width),
    y1: Math.min(box.y1 - oy, height - 1 - oy, height),
  };
  const dst = words(target);
  const src = words(source);
  for (let y = area.y0; y < area.y1; y += 1) {
    for (let x = area.x0; x < area.x1; x += 1) {
      const s00 = (y + oy) * width + x + ox;
      const s10 = s00 + width;
      const k00 = (coverage(mask[s00]!) * w00 + 128) >> 8;
      const k01 = (coverage(mask[s00 + 1]!) * w01 + 128) >> 8;
      const k10 = (coverage(mask[s10]!) * w10 + 128) >> 8;
      const k11 = (coverage(mask[s10 + 1]!) * w11 + 128) >> 8;
      const covered = k00 + k01 + k10 + k11;
      if (covered === 0) continue;
      const o = y * width + x;
      const keep = ONE - covered;
      const p00 = src[s00]!, p01 = src[s00 + 1]!, p10 = src[s10]!, p11 = src[s10 + 1]!, t = dst[o]!;
      const rb =
        ((Math.imul(p00 & LOW, k00) + Math.imul(p01 & LOW, k01) + Math.imul(p10 & LOW, k10) + Math.imul(p11 & LOW, k11) + Math.imul(t & LOW, keep) + ROUND) >>> 8) & LOW;
      const ga =
        ((Math.imul((p00 >>> 8) & LOW, k00) +
          Math.imul((p01 >>> 8) & LOW, k01) +
          Math.imul((p10 >>> 8) & LOW, k10) +
          Math.imul((p11 >>> 8) & LOW, k11) +
          Math.imul((t >>> 8) & LOW, keep) +
          ROUND) >>>
          8) &
        LOW;
      dst[o] = rb | (ga << 8);
    }
  }
}

/**
 * out ← picture·(1−weight) + other·weight, in 8-bit fixed point on 32-bit words, two channels per
 * multiply (R with B, G with A); `out` may be `picture`.
 */
function blendInto(out: Uint8Array, picture: Uint8Array, other: Uint8Array | null, weight: number): void {
  const w = other ? fixedWeight(weight) : 0;
  if (w <= 0) {
    if (picture !== out) out.set(picture.subarray(0, out.length));
    return;
  }
  if (w >= ONE) {
    out.set(other!.subarray(0, out.length));
    return;
  }
  const dst = words(out);
  const a = words(picture);
  const b = words(other!);
  for (let i = 0; i < dst.length; i += 1) dst[i] = mix(a[i]!, b[i]!, w);
}
