import type { ImagePoint } from "@/lib/recipe/schema";
import type { EditorCommand } from "../commands";
import { appendPoint, commandEffect, idle, layerTarget, screenToImageLength } from "./shared";
import type { Tool, ToolContext, ToolResult } from "./types";

/**
 * Lasso fill: the freehand outline becomes a filled polygon in the current layer (static mask or the
 * selected region, created if needed); Alt or right-drag cuts it out instead.
 */

/** Closes and cleans a drawn outline; null when it encloses nothing (fewer than 3 distinct points). */
export type PolygonFromLasso = (points: readonly ImagePoint[], tolerance: number) => ImagePoint[] | null;

export type LassoState = { phase: "idle" } | { phase: "drawing"; points: ImagePoint[]; erase: boolean };

function drawing(state: Extract<LassoState, { phase: "drawing" }>): ToolResult<LassoState> {
  return { state, effects: [], preview: { kind: "lasso", points: state.points, erase: state.erase } };
}

export function createLassoTool(toPolygon: PolygonFromLasso): Tool<LassoState> {
  return {
    initial: { phase: "idle" },
    down(state, e) {
      if (e.button !== 0 && e.button !== 2) return idle(state);
      return drawing({ phase: "drawing", points: [e.point], erase: e.alt || e.button === 2 });
    },
    move(state, e, ctx) {
      if (state.phase !== "drawing") return idle(state);
      return drawing({ ...state, points: appendPoint(state.points, e.point, screenToImageLength(2, ctx)) });
    },
    up(state, e, ctx: ToolContext) {
      if (state.phase !== "drawing") return idle(state);
      const outline = appendPoint(state.points, e.point, screenToImageLength(2, ctx));
      const polygon = toPolygon(outline, screenToImageLength(0.5, ctx));
      if (!polygon) return idle({ phase: "idle" });
      const { target, create } = layerTarget(ctx);
      const cmd: EditorCommand = { type: "appendMaskShape", target, shape: { op: state.erase ? "erase" : "paint", polygon } };
      return { state: { phase: "idle" }, effects: commandEffect(create && !state.erase, [cmd]), preview: null };
    },
    cancel: () => idle({ phase: "idle" }),
  };
}
