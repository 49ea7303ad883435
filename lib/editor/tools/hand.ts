import type { Tool } from "./types";

/** Pans the view: the point grabbed stays under the pointer. Touches the viewport, never the document. */
export type HandState = { phase: "idle" } | { phase: "panning"; grab: { x: number; y: number }; origin: { x: number; y: number } };

export const handTool: Tool<HandState> = {
  initial: { phase: "idle" },
  down: (_state, e, ctx) => ({
    state: { phase: "panning", grab: e.screen, origin: { ...ctx.viewport } },
    effects: [],
    preview: null,
  }),
  move(state, e) {
    if (state.phase !== "panning") return { state, effects: [], preview: null };
    const x = state.origin.x + e.screen.x - state.grab.x;
    const y = state.origin.y + e.screen.y - state.grab.y;
    return { state, effects: [{ type: "panTo", x, y }], preview: null };
  },
  up: () => ({ state: { phase: "idle" }, effects: [], preview: null }),
  cancel: () => ({ state: { phase: "idle" }, effects: [], preview: null }),
};
