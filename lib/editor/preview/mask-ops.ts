/**
 * A vector mask as drawing steps for a 2D canvas: the same shapes, in the same order, that
 * `maskToSvg` (lib/mask/svg.ts) writes for the server's rasteriser and Konva draws in the editor —
 * paint adds coverage, erase removes it (destination-out), round caps and joins, nonzero fill, a
 * one-point stroke is a dot.
 */
import { isFill, type ImagePoint, type VectorMask } from "@/lib/recipe/schema";

export type MaskOp =
  | { kind: "dot"; erase: boolean; x: number; y: number; radius: number }
  | { kind: "line"; erase: boolean; points: readonly ImagePoint[]; width: number }
  | { kind: "polygon"; erase: boolean; points: readonly ImagePoint[] };

export function maskOps(mask: VectorMask): MaskOp[] {
  const ops: MaskOp[] = [];
  for (const shape of mask.strokes) {
    const erase = shape.op === "erase";
    if (isFill(shape)) {
      ops.push({ kind: "polygon", erase, points: shape.polygon });
      continue;
    }
    const first = shape.points[0];
    if (!first) continue;
    if (shape.points.every((p) => p.x === first.x && p.y === first.y)) ops.push({ kind: "dot", erase, x: first.x, y: first.y, radius: shape.size / 2 });
    else ops.push({ kind: "line", erase, points: shape.points, width: shape.size });
  }
  // Erasing before anything is painted removes nothing.
  const firstPaint = ops.findIndex((op) => !op.erase);
  return firstPaint < 0 ? [] : ops.slice(firstPaint);
}

/** The subset of CanvasRenderingContext2D the steps need (a fake in tests, a canvas in the browser). */
export type MaskContext = Pick<
  CanvasRenderingContext2D,
  "beginPath" | "moveTo" | "lineTo" | "arc" | "closePath" | "fill" | "stroke" | "globalCompositeOperation" | "fillStyle" | "strokeStyle" | "lineWidth" | "lineCap" | "lineJoin"
>;

/** Draws the mask's coverage (opaque white = painted) onto `ctx`, in its current transform. */
export function drawMaskOps(ctx: MaskContext, ops: readonly MaskOp[]): void {
  ctx.fillStyle = "#fff";
  ctx.strokeStyle = "#fff";
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  for (const op of ops) {
    ctx.globalCompositeOperation = op.erase ? "destination-out" : "source-over";
    ctx.beginPath();
    if (op.kind === "dot") {
      ctx.arc(op.x, op.y, op.radius, 0, Math.PI * 2);
      ctx.fill();
    } else {
      op.points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
      if (op.kind === "polygon") {
        ctx.closePath();
        ctx.fill("nonzero");
      } else {
        ctx.lineWidth = op.width;
        ctx.stroke();
      }
    }
  }
  ctx.globalCompositeOperation = "source-over";
}
