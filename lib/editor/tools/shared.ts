import { segmentDistanceSquared } from "@/lib/geometry/simplify";
import { MAX_DOCUMENT_POINTS, type ImagePoint } from "@/lib/recipe/schema";
import type { EditorCommand, MaskTarget } from "../commands";
import { STATIC_MASK_COLOR } from "../document";
import { paintTarget, targetColor } from "../target";
import type { ToolContext, ToolEffect, ToolResult } from "./types";

/** Hit radius of trajectory handles, in screen pixels (comfortable for touch and pen). */
export const HANDLE_HIT_PX = 10;
/** A press that travels less than this (screen px) is a click, not a drag. */
export const CLICK_SLOP_PX = 4;

export function idle<S>(state: S): ToolResult<S> {
  return { state, effects: [], preview: null };
}

export function distance(a: ImagePoint, b: ImagePoint): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Image pixels that span `px` screen pixels at the current zoom. */
export function screenToImageLength(px: number, ctx: ToolContext): number {
  return px / Math.max(ctx.scale, 1e-6);
}

/** Adds `point` unless it is closer than `minGap` to the last one (pointer noise adds nothing). */
export function appendPoint(points: readonly ImagePoint[], point: ImagePoint, minGap: number): ImagePoint[] {
  const last = points.at(-1);
  if (last && distance(last, point) < minGap) return points as ImagePoint[];
  return [...points, point];
}

/** Splits a long polyline into pieces the schema accepts, overlapping by one point so they join. */
export function chunkPoints(points: readonly ImagePoint[], max = MAX_DOCUMENT_POINTS): ImagePoint[][] {
  if (points.length <= max) return [points.slice()];
  const chunks: ImagePoint[][] = [];
  for (let start = 0; start < points.length - 1; start += max - 1) chunks.push(points.slice(start, start + max));
  return chunks;
}

/**
 * The region a dynamic brush or trajectory works on: the selected one, else a new region (created in
 * the same undo step as the first paint), else the last one when all six exist.
 */
export function regionTarget(ctx: ToolContext): { index: number; create: boolean; color: string } {
  const target = paintTarget({ ...ctx, maskLayer: "region" });
  const index = target.kind === "region" ? target.index : ctx.doc.regions.length;
  return { index, create: target.kind === "new", color: targetColor(ctx.doc, target) };
}

/** Where shapes of the lasso, smart select and eraser go: the paint target the user picked. */
export function layerTarget(ctx: ToolContext): { target: MaskTarget; create: boolean; color: string } {
  if (ctx.maskLayer === "static") return { target: "static", create: false, color: STATIC_MASK_COLOR };
  const r = regionTarget(ctx);
  return { target: r.index, create: r.create, color: r.color };
}

/** One document change, wrapped as a single undo step, with an optional region creation first. */
export function commandEffect(create: boolean, commands: EditorCommand[]): ToolEffect[] {
  if (commands.length === 0) return [];
  return [{ type: "command", commands: create ? [{ type: "addRegion" }, ...commands] : commands }];
}

/** Index of the handle nearest to `p` within `radius`, or null. */
export function hitPoint(points: readonly ImagePoint[], p: ImagePoint, radius: number): number | null {
  let best: number | null = null;
  let bestDistance = radius;
  points.forEach((q, i) => {
    const d = distance(p, q);
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** Index of the segment (i → i+1) nearest to `p` within `radius`, or null. */
export function hitSegment(points: readonly ImagePoint[], p: ImagePoint, radius: number): number | null {
  let best: number | null = null;
  let bestSquared = radius * radius;
  for (let i = 0; i + 1 < points.length; i++) {
    const d = segmentDistanceSquared(p, points[i] as ImagePoint, points[i + 1] as ImagePoint);
    if (d <= bestSquared) {
      best = i;
      bestSquared = d;
    }
  }
  return best;
}
