import { simplifyPath } from "@/lib/geometry/simplify";
import type { ImagePoint } from "@/lib/recipe/schema";
import type { EditorCommand, MaskTarget } from "../commands";
import { STATIC_MASK_COLOR } from "../document";
import { appendPoint, chunkPoints, commandEffect, idle, layerTarget, regionTarget, screenToImageLength } from "./shared";
import type { Tool, ToolContext, ToolPointer, ToolResult } from "./types";

/**
 * Static brush, dynamic brush and eraser: one state machine, three targets. A stroke lives in the
 * tool's state (drawn as a preview) until pointer up, when it enters the document as one command —
 * so one stroke is one undo step and no pointer move touches history.
 */

export type BrushKind = "static" | "dynamic" | "eraser";

export type BrushState =
  | { phase: "idle" }
  | { phase: "drawing"; points: ImagePoint[]; size: number; erase: boolean; target: MaskTarget; create: boolean; color: string };

function resolveTarget(kind: BrushKind, ctx: ToolContext) {
  if (kind === "static") return { target: "static" as const, create: false, color: STATIC_MASK_COLOR };
  if (kind === "dynamic") {
    const r = regionTarget(ctx);
    return { target: r.index, create: r.create, color: r.color };
  }
  return layerTarget(ctx);
}

/** Said instead of erasing when the target is a region that does not exist yet (never another mask). */
const NOTHING_TO_ERASE: ToolResult<BrushState> = {
  state: { phase: "idle" },
  effects: [{ type: "notice", message: "tools.notices.nothingToErase" }],
  preview: null,
};

function preview(state: BrushState): ToolResult<BrushState> {
  if (state.phase === "idle") return idle(state);
  return {
    state,
    effects: [],
    preview: { kind: "stroke", points: state.points, size: state.size, erase: state.erase, color: state.color },
  };
}

export function createBrushTool(kind: BrushKind): Tool<BrushState> {
  return {
    initial: { phase: "idle" },
    down(state, e: ToolPointer, ctx) {
      if (e.button !== 0 && e.button !== 2) return idle(state);
      const { target, create, color } = resolveTarget(kind, ctx);
      // Alt (or the pen's barrel button) turns a brush into an eraser on the same layer.
      const erase = kind === "eraser" || e.alt || e.button === 2;
      if (erase && create) return NOTHING_TO_ERASE;
      return preview({ phase: "drawing", points: [e.point], size: ctx.brushSize, erase, target, create, color });
    },
    move(state, e, ctx) {
      if (state.phase !== "drawing") return idle(state);
      const points = appendPoint(state.points, e.point, screenToImageLength(1, ctx));
      return points === state.points ? preview(state) : preview({ ...state, points });
    },
    up(state, e, ctx) {
      if (state.phase !== "drawing") return idle(state);
      const all = appendPoint(state.points, e.point, screenToImageLength(1, ctx));
      // Half a screen pixel of simplification is invisible yet shrinks a long stroke a lot.
      const points = simplifyPath(all, screenToImageLength(0.5, ctx));
      const op = state.erase ? "erase" : "paint";
      const commands: EditorCommand[] = chunkPoints(points).map((chunk) => ({
        type: "appendMaskShape",
        target: state.target,
        shape: { op, size: state.size, points: chunk },
      }));
      return { state: { phase: "idle" }, effects: commandEffect(state.create, commands), preview: null };
    },
    cancel: () => idle({ phase: "idle" }),
  };
}

export const staticBrushTool = createBrushTool("static");
export const dynamicBrushTool = createBrushTool("dynamic");
export const eraserTool = createBrushTool("eraser");
