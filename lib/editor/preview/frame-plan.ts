/**
 * What the live preview draws for one moment, as 2D-canvas numbers: the motion model's state at t
 * (lib/motion `motionAt`) reduced to layer offsets, opacities and affine transforms. Pure, so the
 * geometry that decides where pixels land is tested without a browser.
 */
import type { Rect, Size, Viewport } from "@/lib/geometry/types";
import { affineAt, isIdentityPose, motionAt, type MotionScene } from "@/lib/motion";

/** The six numbers of CanvasRenderingContext2D.setTransform(a, b, c, d, e, f). */
export type Affine = readonly [number, number, number, number, number, number];

export type RegionPlan = {
  /** Shift of the region's pixels, frame pixels. */
  dx: number;
  dy: number;
  /** Opacity of the fill over the place the region left. */
  hole: number;
};

export type FramePlan = {
  t: number;
  regions: RegionPlan[];
  /**
   * The camera as an affine map of frame pixels (composed picture → screen), or null while it holds
   * still. Pan and tilt are projective; a 2D canvas draws their tangent at the frame's centre.
   */
  camera: Affine | null;
  /** Opacity of the tail frame over everything. */
  tail: number;
};

export function planFrame(scene: MotionScene, t: number): FramePlan {
  const state = motionAt(scene, t);
  const { width, height } = scene.size;
  return {
    t,
    regions: state.regions.map(({ dx, dy, hole }) => ({ dx, dy, hole })),
    camera: isIdentityPose(state.camera) ? null : affineAt(state.matrix, width / 2, height / 2),
    tail: state.tailWeight,
  };
}

/** a · b: applies b first, like ctx.transform(b) after ctx.setTransform(a). */
export function multiply(a: Affine, b: Affine): Affine {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

export function apply(m: Affine, x: number, y: number): { x: number; y: number } {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

/**
 * The nine placements of a width×height picture that tile the plane around it with mirror images,
 * the middle one being the picture itself. A camera that pulls back or turns shows what lies beyond
 * the frame's edges; the engine samples the picture mirrored there (lib/motion/warp.ts), and drawing
 * these nine copies under the camera transform shows the same pixels.
 */
export function mirrorTiles(size: Size): Affine[] {
  const tiles: Affine[] = [];
  for (const j of [-1, 0, 1]) {
    for (const i of [-1, 0, 1]) {
      // i = −1 reflects about x = 0 (x → −x); i = 1 about x = width (x → 2·width − x).
      const sx = i === 0 ? 1 : -1;
      const sy = j === 0 ? 1 : -1;
      tiles.push([sx, 0, 0, sy, i === 1 ? 2 * size.width : 0, j === 1 ? 2 * size.height : 0]);
    }
  }
  return tiles;
}

/** Integer pixel rectangle. */
export type PixelRect = { x: number; y: number; width: number; height: number };

/**
 * Where the preview canvas sits in the view (CSS pixels): the frame's on-screen rectangle rounded
 * inwards, so every canvas pixel lies on the picture and no edge needs clipping, then clipped to the
 * view. Null when the frame is off screen.
 */
export function canvasRect(viewport: Viewport, frame: Size, view: Size): PixelRect | null {
  const x0 = Math.max(0, Math.ceil(viewport.x - 1e-6));
  const y0 = Math.max(0, Math.ceil(viewport.y - 1e-6));
  const x1 = Math.min(view.width, Math.floor(viewport.x + frame.width * viewport.scale + 1e-6));
  const y1 = Math.min(view.height, Math.floor(viewport.y + frame.height * viewport.scale + 1e-6));
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** Frame pixels → canvas device pixels, for a canvas placed at `rect` in the view. */
export function frameToCanvas(viewport: Viewport, rect: PixelRect, dpr: number): Affine {
  return [viewport.scale * dpr, 0, 0, viewport.scale * dpr, (viewport.x - rect.x) * dpr, (viewport.y - rect.y) * dpr];
}

/**
 * A layer's pixel rectangle in frame pixels: `bounds` grown by `margin` (anti-aliased edges), out to
 * whole pixels, inside the frame. Null when nothing of it is on the frame.
 */
export function layerRect(bounds: Rect | null, frame: Size, margin = 1): PixelRect | null {
  if (!bounds) return null;
  const x0 = Math.max(0, Math.floor(bounds.x - margin));
  const y0 = Math.max(0, Math.floor(bounds.y - margin));
  const x1 = Math.min(frame.width, Math.ceil(bounds.x + bounds.width + margin));
  const y1 = Math.min(frame.height, Math.ceil(bounds.y + bounds.height + margin));
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** A size whose longer side is at most `maxSide`, same aspect, and the factor from `size` to it. */
export function cappedSize(size: Size, maxSide: number): Size & { scale: number } {
  const scale = Math.min(1, maxSide / Math.max(size.width, size.height));
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)), scale };
}
