/**
 * Draws the motion model (model.ts) into RGBA buffers: the preview engine's frames, and a reference
 * for tests. Everything that does not depend on time (region bounds, the fill of vacated areas, work
 * buffers) is computed once in `createCompositor`; a frame is a copy, work limited to the regions'
 * bounding boxes, an optional camera warp and an optional dissolve, with no buffer allocated.
 */
import type { CameraInput } from "./camera";
import { isIdentityPose, poseMatrix } from "./camera";
import { dilate, fillUnknown } from "./fill";
import { invert } from "./matrix";
import { cameraPoseAt, holeWeight, regionOffsetsInto, tailWeight, type MotionScene } from "./model";
import type { TimedPath } from "./timed-path";
import { warpInto } from "./warp";

/** Pixels around the regions also left out of the fill's sources: antialiased or JPEG-smeared edges. */
export const FILL_MARGIN_PX = 2;

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

/** Half-open pixel rectangle. */
type Box = { x0: number; y0: number; x1: number; y1: number };
const EMPTY: Box = { x0: 0, y0: 0, x1: 0, y1: 0 };

function boundsOf(mask: Uint8Array, width: number, height: number): Box {
  let x0 = width, y0 = height, x1 = 0, y1 = 0;
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      if (mask[row + x] === 0) continue;
      if (x < x0) x0 = x;
      if (x >= x1) x1 = x + 1;
      if (y < y0) y0 = y;
      y1 = y + 1;
    }
  }
  return x1 > x0 ? { x0, y0, x1, y1 } : EMPTY;
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
  const regions = source ? input.regions.map((region) => ({ ...region, box: boundsOf(region.mask, width, height) })) : [];
  const fill = source && regions.length > 0 ? fillFor(source, regions, width, height) : null;
  const staticBox = staticMask ? boundsOf(staticMask, width, height) : EMPTY;
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
    // The camera warps the composed frame into `out`; without one, composing happens in `out` itself.
    const target = warp ? (composed ??= new Uint8Array(width * height * 4)) : out;
    target.set(source);

    regionOffsetsInto(scene, t, offsets);
    const dirty: Box = { x0: width, y0: height, x1: 0, y1: 0 };
    regions.forEach((region, i) => {
      const hole = holeWeight(offsets[2 * i]!, offsets[2 * i + 1]!);
      if (fill && hole > 0) grow(dirty, blendMasked(target, fill, region.mask, region.box, hole, width));
    });
    regions.forEach((region, i) => {
      grow(dirty, pasteShifted(target, source, region.mask, region.box, offsets[2 * i]!, offsets[2 * i + 1]!, width, height));
    });
    if (staticMask) blendMasked(target, source, staticMask, intersect(dirty, staticBox), 1, width);

    if (warp) warpInto(target, out, width, height, invert(poseMatrix(pose, scene.size, matrix), inverse));
    if (tail && start) blendInto(out, tail, tailWeight(t));
  }

  return { scene, render };
}

function fillFor(source: Uint8Array, regions: ReadonlyArray<{ mask: Uint8Array }>, width: number, height: number): Uint8Array {
  const union = new Uint8Array(width * height);
  for (const { mask } of regions) for (let p = 0; p < union.length; p += 1) if (mask[p]! > union[p]!) union[p] = mask[p]!;
  const excluded = dilate(union, width, height, FILL_MARGIN_PX);
  const known = excluded.map((value) => (value > 0 ? 0 : 255));
  return fillUnknown(source, known, width, height);
}

function grow(box: Box, other: Box): void {
  if (other.x1 <= other.x0 || other.y1 <= other.y0) return;
  box.x0 = Math.min(box.x0, other.x0);
  box.y0 = Math.min(box.y0, other.y0);
  box.x1 = Math.max(box.x1, other.x1);
  box.y1 = Math.max(box.y1, other.y1);
}

function intersect(a: Box, b: Box): Box {
  return { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
}

/** target ← lerp(target, layer, mask × weight) inside `box`; returns the box. */
function blendMasked(target: Uint8Array, layer: Uint8Array, mask: Uint8Array, box: Box, weight: number, width: number): Box {
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
  return box;
}

/**
 * Draws the region (source pixels under `mask`) shifted by (dx, dy) over target, bilinear for the
 * sub-pixel part (the same four weights for every pixel). Returns the box it may have touched.
 */
function pasteShifted(target: Uint8Array, source: Uint8Array, mask: Uint8Array, box: Box, dx: number, dy: number, width: number, height: number): Box {
  if (box.x1 <= box.x0) return EMPTY;
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
  return area.x1 > area.x0 && area.y1 > area.y0 ? area : EMPTY;
}

/** out ← out·(1−weight) + other·weight, in 8-bit fixed point (a float loop is twice as slow). */
function blendInto(out: Uint8Array, other: Uint8Array, weight: number): void {
  const w = Math.round(weight * 256);
  if (w <= 0) return;
  if (w >= 256) {
    out.set(other.subarray(0, out.length));
    return;
  }
  const keep = 256 - w;
  for (let i = 0; i < out.length; i += 1) out[i] = (out[i]! * keep + other[i]! * w + 128) >> 8;
}
