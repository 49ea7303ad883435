import { MAX_TRAJECTORY_POINTS, prepareTrajectory } from "@/lib/geometry/trajectory";
import type { ImagePoint } from "@/lib/recipe/schema";
import type { EditorCommand } from "../commands";
import {
  appendPoint,
  CLICK_SLOP_PX,
  commandEffect,
  distance,
  HANDLE_HIT_PX,
  hitPoint,
  hitSegment,
  idle,
  regionTarget,
  screenToImageLength,
} from "./shared";
import type { Tool, ToolContext, ToolEffect, ToolPointer, ToolResult } from "./types";

/**
 * Trajectory tool for the selected region:
 * - press on a handle and drag → move that point (one undo step);
 * - Alt-click or right-click a handle → delete it;
 * - press on a segment → insert a point there and drag it;
 * - drag on empty canvas → freehand path, replacing the trajectory;
 * - click on empty canvas → append a point (click points one by one).
 * What is stored is always prepared: deduplicated, simplified, at most 77 points.
 */

export type TrajectoryState =
  | { phase: "idle" }
  | { phase: "dragging"; region: number; at: number }
  | { phase: "drawing"; region: number; create: boolean; color: string; points: ImagePoint[]; start: ImagePoint; moved: boolean };

function trajectoryOf(ctx: ToolContext, region: number): ImagePoint[] {
  return ctx.doc.recipe.regions[region]?.trajectory ?? [];
}

/** Freehand paths keep detail down to about a screen pixel, then ≤ 77 points. */
function prepare(points: readonly ImagePoint[], ctx: ToolContext): ImagePoint[] {
  return prepareTrajectory(points, { maxPoints: MAX_TRAJECTORY_POINTS, tolerance: screenToImageLength(1, ctx) });
}

function drawingResult(state: Extract<TrajectoryState, { phase: "drawing" }>): ToolResult<TrajectoryState> {
  const points = state.moved ? state.points : [state.start];
  return { state, effects: [], preview: { kind: "path", points, color: state.color } };
}

export const trajectoryTool: Tool<TrajectoryState> = {
  initial: { phase: "idle" },

  down(state, e: ToolPointer, ctx) {
    if (e.button !== 0 && e.button !== 2) return idle(state);
    const target = regionTarget(ctx);
    const existing = target.create ? [] : trajectoryOf(ctx, target.index);
    const radius = screenToImageLength(HANDLE_HIT_PX, ctx);

    const onPoint = hitPoint(existing, e.point, radius);
    if (onPoint !== null) {
      if (e.alt || e.button === 2) {
        const del: EditorCommand = { type: "deleteTrajectoryPoint", index: target.index, at: onPoint };
        return { state: { phase: "idle" }, effects: commandEffect(false, [del]), preview: null };
      }
      const effects: ToolEffect[] = [{ type: "beginGesture" }, { type: "selectPoint", index: onPoint }];
      return { state: { phase: "dragging", region: target.index, at: onPoint }, effects, preview: null };
    }
    if (e.button === 2 || e.alt) return idle(state);

    const onSegment = hitSegment(existing, e.point, radius);
    if (onSegment !== null) {
      const at = onSegment + 1;
      const effects: ToolEffect[] = [
        { type: "beginGesture" },
        { type: "command", commands: [{ type: "insertTrajectoryPoint", index: target.index, at, point: e.point }] },
      ];
      return { state: { phase: "dragging", region: target.index, at }, effects, preview: null };
    }

    return drawingResult({
      phase: "drawing",
      region: target.index,
      create: target.create,
      color: target.color,
      points: [e.point],
      start: e.point,
      moved: false,
    });
  },

  move(state, e, ctx) {
    if (state.phase === "dragging") {
      const cmd: EditorCommand = { type: "moveTrajectoryPoint", index: state.region, at: state.at, to: e.point };
      return { state, effects: [{ type: "command", commands: [cmd] }], preview: null };
    }
    if (state.phase !== "drawing") return idle(state);
    const moved = state.moved || distance(state.start, e.point) > screenToImageLength(CLICK_SLOP_PX, ctx);
    return drawingResult({ ...state, moved, points: appendPoint(state.points, e.point, screenToImageLength(1, ctx)) });
  },

  up(state, e, ctx) {
    if (state.phase === "dragging") {
      const current = trajectoryOf(ctx, state.region).map((p, i) => (i === state.at ? e.point : p));
      const commands: EditorCommand[] = [{ type: "moveTrajectoryPoint", index: state.region, at: state.at, to: e.point }];
      // Inserting points can push a path past Kling's limit; bring it back inside the same gesture.
      if (current.length > MAX_TRAJECTORY_POINTS) {
        commands.push({ type: "setTrajectory", index: state.region, points: prepare(current, ctx) });
      }
      const effects: ToolEffect[] = [{ type: "command", commands }, { type: "endGesture" }];
      return { state: { phase: "idle" }, effects, preview: null };
    }
    if (state.phase !== "drawing") return idle(state);
    if (state.moved) {
      const points = prepare(appendPoint(state.points, e.point, screenToImageLength(1, ctx)), ctx);
      const cmd: EditorCommand = { type: "setTrajectory", index: state.region, points };
      return { state: { phase: "idle" }, effects: commandEffect(state.create, [cmd]), preview: null };
    }
    const existing = state.create ? [] : trajectoryOf(ctx, state.region);
    const cmd: EditorCommand =
      existing.length + 1 > MAX_TRAJECTORY_POINTS
        ? { type: "setTrajectory", index: state.region, points: prepare([...existing, state.start], ctx) }
        : { type: "insertTrajectoryPoint", index: state.region, at: existing.length, point: state.start };
    return { state: { phase: "idle" }, effects: commandEffect(state.create, [cmd]), preview: null };
  },

  cancel(state) {
    if (state.phase === "dragging") return { state: { phase: "idle" }, effects: [{ type: "cancelGesture" }], preview: null };
    return idle({ phase: "idle" });
  },
};
