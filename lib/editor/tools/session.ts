import type { Tool, ToolContext, ToolEffect, ToolPointer, ToolPreview } from "./types";

/**
 * A running tool with its state hidden in a closure, so the canvas can drive any tool through one
 * interface without knowing each tool's state type.
 */

export type ToolStep = { effects: ToolEffect[]; preview: ToolPreview | null; active: boolean };

export type ToolSession = {
  down(e: ToolPointer, ctx: ToolContext): ToolStep;
  move(e: ToolPointer, ctx: ToolContext): ToolStep;
  up(e: ToolPointer, ctx: ToolContext): ToolStep;
  cancel(): ToolStep;
  readonly active: boolean;
};

export function startSession<S extends { phase: string }>(tool: Tool<S>): ToolSession {
  let state = tool.initial;
  const step = (r: { state: S; effects: ToolEffect[]; preview: ToolPreview | null }): ToolStep => {
    state = r.state;
    return { effects: r.effects, preview: r.preview, active: state.phase !== "idle" };
  };
  return {
    down: (e, ctx) => step(tool.down(state, e, ctx)),
    move: (e, ctx) => step(tool.move(state, e, ctx)),
    up: (e, ctx) => step(tool.up(state, e, ctx)),
    cancel: () => step(tool.cancel(state)),
    get active() {
      return state.phase !== "idle";
    },
  };
}
