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
import { warpInto, words } from "./warp";
import { boundsOf, dilate, featherOut, type Box } from "./morphology";

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
export function vacatedArea(masks: readonly Uint8Array[], width: number, height: number, margin = FILL_MARGIN_PX): Uint8Array {
  const union = new Uint8Array(width * height);
  for (const mask of masks) for (let p = 0; p < union.length; p += 1) if (mask[p]! > union[p]!) union[p] = mask[p]!;
  const grown = dilate(union, width, height, margin);
  for (let p = 0; p < grown.length; p += 1) grown[p] = grown[p]! > 0 ? 255 : 0;
  return grown;
}

/**
 * Per region: the alpha it is drawn with (feathered outwards) and where the fill shows once it has
 * moved: its mask grown by the margin, except on the static mask, whose pixels stay as they are.
 */
function prepareRegions(input: CompositorInput): PreparedRegion[] {
  const { width, height, staticMask } = input;
  return input.regions.map(({ mask }) => {
    const alpha = featherOut(mask, width, height, FEATHER_PX);
    const hole = dilate(mask, width, height, FILL_MARGIN_PX);
    if (staticMask) for (let p = 0; p < hole.length; p += 1) if (hole[p]! > 0) hole[p] = (hole[p]! * (255 - staticMask[p]!) + 127) / 255;
    return { alpha, box: boundsOf(alpha, width, height), hole, holeBox: boundsOf(hole, width, height) };
  });
}

export function createCompositor(input: CompositorInput): Compositor {
  const { width, height, start, tail, staticMask, camera } = input;
  const source = start ?? tail;
  const scene: MotionScene = {
    size: { width, height },
    regions: input.regions.map((region) => region.path),
    camera,
    hasStart: start !== null,
    hasTail: tail !== null,
    hasStaticMask: staticMask !== null,
  };
  const regions = source ? prepareRegions(input) : [];
  const fill = source && regions.length > 0 ? inpaint(source, vacatedArea(input.regions.map((r) => r.mask), width, height), width, height) : null;
  const offsets = new Float64Array(regions.length * 2);
  const matrix = new Float64Array(9);
  const inverse = new Float64Array(9);
  let composed: Uint8Array | null = null;

  function render(t: number, out: Uint8Array): void {
    if (!source) {
      out.fill(0);
      return;
    }
    const pose = cameraPoseAt(scene, t);
    const warp = !isIdentityPose(pose);
    const tailW = tail && start ? tailWeight(t) : 0;
    if (!warp && regions.length === 0) return blendInto(out, source, tail, tailW);
    // The camera warps the composed frame into `out`; without one, composing happens in `out` itself.
    const target = warp ? (composed ??= new Uint8Array(width * height * 4)) : out;
    target.set(source);
    regionOffsetsInto(scene, t, offsets);
    // Bottom to top: the fill over each vacated area (static pixels excluded), then the regions,
    // which pass in front of everything, static areas included.
    regions.forEach((region, i) => {
      const hole = holeWeight(offsets[2 * i]!, offsets[2 * i + 1]!);
      if (fill && hole > 0) blendMasked(target, fill, region.hole, region.holeBox, hole, width);
    });
    regions.forEach((region, i) => pasteShifted(target, source, region.alpha, region.box, offsets[2 * i]!, offsets[2 * i + 1]!, width, height));
    if (warp) warpInto(target, out, width, height, invert(poseMatrix(pose, scene.size, matrix), inverse));
    if (tailW > 0) blendInto(out, out, tail, tailW);
  }

  return { scene, render };
}

/** target ← lerp(target, layer, mask × weight) inside `box`. */
function blendMasked(target: Uint8Array, layer: Uint8Array, mask: Uint8Array, box: Box, weight: number, width: number): void {
  const k = weight / 255;
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let x = box.x0; x < box.x1; x += 1) {
      const m = mask[y * width + x]!;
      if (m === 0) continue;
      const a = m * k;
      const o = (y * width + x) * 4;
      target[o] = target[o]! + (layer[o]! - target[o]!) * a + 0.5;
      target[o + 1] = target[o + 1]! + (layer[o + 1]! - target[o + 1]!) * a + 0.5;
      target[o + 2] = target[o + 2]! + (layer[o + 2]! - target[o + 2]!) * a + 0.5;
    }
  }
}

/**
 * Draws the region (source pixels under `mask`) shifted by (dx, dy) over target, bilinear for the
 * sub-pixel part (the same four weights for every pixel).
 */
function pasteShifted(target: Uint8Array, source: Uint8Array, mask: Uint8Array, box: Box, dx: number, dy: number, width: number, height: number): void {
  if (box.x1 <= box.x0) return;
  // Destination pixel x samples source x + ox (weight 1 − u) and x + ox + 1 (weight u).
  const ox = Math.floor(-dx);
  const oy = Math.floor(-dy);
  const u = -dx - ox;
  const v = -dy - oy;
  const w00 = (1 - u) * (1 - v), w01 = u * (1 - v), w10 = (1 - u) * v, w11 = u * v;
  // Every destination whose taps can touch the box, kept where all taps lie inside the frame.
  const area: Box = {
    x0: Math.max(box.x0 - ox - 1, -ox, 0),
    y0: Math.max(box.y0 - oy - 1, -oy, 0),
    x1: Math.min(box.x1 - ox, width - 1 - ox, width),
    y1: Math.min(box.y1 - oy, height - 1 - oy, height),
  };
  const stride = width * 4;
  for (let y = area.y0; y < area.y1; y += 1) {
    for (let x = area.x0; x < area.x1; x += 1) {
      const m00 = (y + oy) * width + x + ox;
      const m10 = m00 + width;
      // Taps weighted by coverage too (premultiplied), so background beside the region does not bleed in.
      const k00 = mask[m00]! * w00, k01 = mask[m00 + 1]! * w01, k10 = mask[m10]! * w10, k11 = mask[m10 + 1]! * w11;
      const m = k00 + k01 + k10 + k11;
      if (m === 0) continue;
      const keep = 1 - m / 255;
      const s00 = m00 * 4;
      const s10 = s00 + stride;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c += 1) {
        const covered = (source[s00 + c]! * k00 + source[s00 + 4 + c]! * k01 + source[s10 + c]! * k10 + source[s10 + 4 + c]! * k11) / 255;
        target[o + c] = target[o + c]! * keep + covered + 0.5;
      }
    }
  }
}

/**
 * out ← picture·(1−weight) + other·weight, in 8-bit fixed point on 32-bit words, two channels per
 * multiply (R with B, G with A); `out` may be `picture`.
 */
function blendInto(out: Uint8Array, picture: Uint8Array, other: Uint8Array | null, weight: number): void {
  const w = other ? Math.round(weight * 256) : 0;
  if (w <= 0) {
    if (picture !== out) out.set(picture.subarray(0, out.length));
    return;
  }
  if (w >= 256) {
    out.set(other!.subarray(0, out.length));
    return;
  }
  const keep = 256 - w;
  const dst = words(out);
  const a = words(picture);
  const b = words(other!);
  for (let i = 0; i < dst.length; i += 1) {
    const p = a[i]!;
    const q = b[i]!;
    const rb = (((p & 0xff00ff) * keep + (q & 0xff00ff) * w + 0x800080) >>> 8) & 0xff00ff;
    const ga = ((((p >>> 8) & 0xff00ff) * keep + ((q >>> 8) & 0xff00ff) * w + 0x800080) >>> 8) & 0xff00ff;
    dst[i] = (rb | (ga << 8)) >>> 0;
  }
}
