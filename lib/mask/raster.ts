/**
 * A vector mask rasterised on a coarse grid (about RASTER_CELLS cells on the frame's longer side):
 * enough to tell where masks overlap or a path runs into one, cheap enough to run on every edit.
 * Shapes apply in order (an erase clears what was painted before it); a cell is painted when its
 * centre is. Uploaded (asset) masks have no vectors and are not rasterised here.
 */
import type { ImagePoint, Size } from "@/lib/geometry/types";
import { pointInPolygon } from "@/lib/mask/polygon";
import { isFill, type VectorMask } from "@/lib/recipe/schema";

export const RASTER_CELLS = 160;

export type MaskRaster = { cols: number; rows: number; /** Frame pixels per cell. */ cell: number; cells: Uint8Array };

export function rasterGrid(frame: Size): Omit<MaskRaster, "cells"> {
  const cell = Math.max(frame.width, frame.height) / RASTER_CELLS;
  return { cols: Math.max(1, Math.ceil(frame.width / cell)), rows: Math.max(1, Math.ceil(frame.height / cell)), cell };
}

function distanceToSegment(p: ImagePoint, a: ImagePoint, b: ImagePoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const u = length > 0 ? Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length)) : 0;
  return Math.hypot(p.x - (a.x + u * dx), p.y - (a.y + u * dy));
}

export function rasterizeMask(mask: VectorMask, frame: Size): MaskRaster {
  const grid = rasterGrid(frame);
  const { cols, rows, cell } = grid;
  const cells = new Uint8Array(cols * rows);
  for (const shape of mask.strokes) {
    const value = shape.op === "paint" ? 1 : 0;
    const points = isFill(shape) ? shape.polygon : shape.points;
    const radius = isFill(shape) ? 0 : shape.size / 2;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const c0 = Math.max(0, Math.floor((Math.min(...xs) - radius) / cell));
    const c1 = Math.min(cols - 1, Math.floor((Math.max(...xs) + radius) / cell));
    const r0 = Math.max(0, Math.floor((Math.min(...ys) - radius) / cell));
    const r1 = Math.min(rows - 1, Math.floor((Math.max(...ys) + radius) / cell));
    for (let r = r0; r <= r1; r += 1) {
      for (let c = c0; c <= c1; c += 1) {
        const centre = { x: (c + 0.5) * cell, y: (r + 0.5) * cell };
        const inside = isFill(shape)
          ? pointInPolygon(centre, shape.polygon)
          : points.some((p, i) => distanceToSegment(centre, p, points[Math.min(i + 1, points.length - 1)]!) <= radius);
        if (inside) cells[r * cols + c] = value;
      }
    }
  }
  return { ...grid, cells };
}

/** Whether the raster is painted at a frame point (false outside the frame). */
export function paintedAt(raster: MaskRaster, point: ImagePoint): boolean {
  const c = Math.floor(point.x / raster.cell);
  const r = Math.floor(point.y / raster.cell);
  return c >= 0 && r >= 0 && c < raster.cols && r < raster.rows && raster.cells[r * raster.cols + c] === 1;
}
