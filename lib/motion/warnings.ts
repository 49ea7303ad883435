/**
 * Motion warnings: things a recipe may legally ask for but Kling will likely not do as the preview
 * shows them. Pure, from the recipe's vector masks (rasterised coarsely, lib/mask/raster.ts) and its
 * paths as sent (the sampled curve); uploaded masks are not inspected. Each warning carries where to
 * put a marker on the canvas (frame pixels).
 *
 * - A path that enters the static mask: the preview moves the region over it (static pixels are
 *   pinned, not a wall); Kling keeps those pixels still and will likely stop the region at the edge
 *   or smear it there.
 * - A path that leaves the frame: the request clamps points to the frame's edge, so Kling will likely
 *   stop the region at the edge.
 * - Masks that overlap (two regions, or a region and the static mask): the shared pixels get two
 *   instructions; Kling will likely move them with one region (tearing the other) or keep them still.
 */
import { samplePath } from "@/lib/geometry/curve";
import type { ImagePoint, Size } from "@/lib/geometry/types";
import { paintedAt, rasterizeMask, type MaskRaster } from "@/lib/mask/raster";
import { isAssetMask, isEmptyMask, type Mask, type Recipe } from "@/lib/recipe/schema";

export type MotionWarning =
  | { kind: "path-enters-static"; region: number; at: ImagePoint }
  | { kind: "path-leaves-frame"; region: number; at: ImagePoint }
  | { kind: "regions-overlap"; region: number; other: number; at: ImagePoint }
  | { kind: "region-overlaps-static"; region: number; at: ImagePoint };

/** Overlaps smaller than this many grid cells are brush antialiasing, not an instruction. */
const MIN_OVERLAP_CELLS = 2;

function rasterOf(mask: Mask | null, frame: Size): MaskRaster | null {
  return mask && !isAssetMask(mask) && !isEmptyMask(mask) ? rasterizeMask(mask, frame) : null;
}

/** Centre of the cells painted in both rasters, or null when they share fewer than MIN_OVERLAP_CELLS. */
function overlap(a: MaskRaster, b: MaskRaster): ImagePoint | null {
  let count = 0, sx = 0, sy = 0;
  for (let i = 0; i < a.cells.length; i += 1) {
    if (a.cells[i] !== 1 || b.cells[i] !== 1) continue;
    count += 1;
    sx += (i % a.cols) + 0.5;
    sy += Math.floor(i / a.cols) + 0.5;
  }
  return count >= MIN_OVERLAP_CELLS ? { x: (sx / count) * a.cell, y: (sy / count) * a.cell } : null;
}

const inFrame = (p: ImagePoint, frame: Size) => p.x >= 0 && p.y >= 0 && p.x <= frame.width && p.y <= frame.height;
const clampTo = (p: ImagePoint, frame: Size) => ({ x: Math.min(frame.width, Math.max(0, p.x)), y: Math.min(frame.height, Math.max(0, p.y)) });

/** The path walked in steps of at most `step` pixels, so nothing between two points is skipped. */
function walk(points: readonly ImagePoint[], step: number): ImagePoint[] {
  const out: ImagePoint[] = points.slice(0, 1);
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / step));
    for (let k = 1; k <= n; k += 1) out.push({ x: a.x + ((b.x - a.x) * k) / n, y: a.y + ((b.y - a.y) * k) / n });
  }
  return out;
}

/** Where the path, once it has left its start, first steps into the static mask or out of the frame. */
function pathWarnings(points: readonly ImagePoint[], region: number, staticRaster: MaskRaster | null, frame: Size): MotionWarning[] {
  const path = walk(points, Math.max(frame.width, frame.height) / 320);
  const warnings: MotionWarning[] = [];
  const leaves = path.find((p) => !inFrame(p, frame));
  if (leaves) warnings.push({ kind: "path-leaves-frame", region, at: clampTo(leaves, frame) });
  if (staticRaster) {
    const enters = path.findIndex((p, i) => i > 0 && paintedAt(staticRaster, p) && !paintedAt(staticRaster, path[i - 1]!));
    if (enters > 0) warnings.push({ kind: "path-enters-static", region, at: path[enters]! });
  }
  return warnings;
}

export function motionWarnings(recipe: Pick<Recipe, "staticMask" | "regions">, frame: Size): MotionWarning[] {
  const staticRaster = rasterOf(recipe.staticMask, frame);
  const rasters = recipe.regions.map((region) => rasterOf(region.mask, frame));
  const warnings: MotionWarning[] = [];
  recipe.regions.forEach((region, i) => {
    if (region.trajectory.length >= 2) warnings.push(...pathWarnings(samplePath(region.trajectory, region.curve), i, staticRaster, frame));
    const raster = rasters[i];
    if (!raster) return;
    const onStatic = staticRaster && overlap(raster, staticRaster);
    if (onStatic) warnings.push({ kind: "region-overlaps-static", region: i, at: onStatic });
    rasters.slice(i + 1).forEach((other, k) => {
      const shared = other && overlap(raster, other);
      if (shared) warnings.push({ kind: "regions-overlap", region: i, other: i + 1 + k, at: shared });
    });
  });
  return warnings;
}
