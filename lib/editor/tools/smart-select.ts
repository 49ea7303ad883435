import { simplifyRingToLimit } from "@/lib/mask/polygon";
import type { ImagePoint } from "@/lib/recipe/schema";
import type { EditorCommand } from "../commands";
import { CLICK_SLOP_PX, commandEffect, distance, idle, layerTarget, screenToImageLength } from "./shared";
import type { ImageDataLike, PixelSource, Tool, ToolContext, ToolResult } from "./types";

/**
 * Smart select: a click selects the connected area of similar colour around it and fills it in the
 * current layer (Alt or right-click cuts it out). The pixels may be a downscaled copy of the start
 * frame (a 4096 px image is flood-filled at a smaller size); results are scaled back to image pixels.
 */

export type SmartSelectFn = (image: ImageDataLike, seed: ImagePoint, tolerance: number) => ImagePoint[][];

export type SmartSelectState = { phase: "idle" } | { phase: "pressed"; at: ImagePoint; erase: boolean };

/** Runs the selection on the (possibly downscaled) pixels and returns rings in image pixels. */
export function selectRings(select: SmartSelectFn, pixels: PixelSource, at: ImagePoint, tolerance: number): ImagePoint[][] | null {
  const seed = { x: Math.floor(at.x / pixels.scale), y: Math.floor(at.y / pixels.scale) };
  if (seed.x < 0 || seed.y < 0 || seed.x >= pixels.data.width || seed.y >= pixels.data.height) return null;
  return select(pixels.data, seed, tolerance)
    .filter((ring) => ring.length >= 3)
        // Rings larger than the schema allows are coarsened just enough to fit.
    .map((ring) => simplifyRingToLimit(ring.map((p) => ({ x: p.x * pixels.scale, y: p.y * pixels.scale })), 0.5));
}

/**
 * Notices carry a catalogue key (`tools.notices.*`), not words: this module has no locale, and the
 * editor translates the key when it shows the toast.
 */
function notice(message: string): ToolResult<SmartSelectState> {
  return { state: { phase: "idle" }, effects: [{ type: "notice", message }], preview: null };
}

export function createSmartSelectTool(select: SmartSelectFn): Tool<SmartSelectState> {
  return {
    initial: { phase: "idle" },
    down(state, e) {
      if (e.button !== 0 && e.button !== 2) return idle(state);
      return idle({ phase: "pressed", at: e.point, erase: e.alt || e.button === 2 });
    },
    move: (state) => idle(state),
    up(state, e, ctx: ToolContext) {
      if (state.phase !== "pressed") return idle(state);
      // A drag is not a click on a colour; ignore it rather than guess.
      if (distance(state.at, e.point) > screenToImageLength(CLICK_SLOP_PX, ctx)) return idle({ phase: "idle" });
      if (!ctx.pixels) return notice("tools.notices.noFrame");
      const rings = selectRings(select, ctx.pixels, state.at, ctx.tolerance);
      if (!rings) return notice("tools.notices.outside");
      if (rings.length === 0) return notice("tools.notices.nothingSimilar");
      const { target, create } = layerTarget(ctx);
      const op = state.erase ? "erase" : "paint";
      const commands: EditorCommand[] = rings.map((polygon) => ({ type: "appendMaskShape", target, shape: { op, polygon } }));
      return { state: { phase: "idle" }, effects: commandEffect(create && !state.erase, commands), preview: null };
    },
    cancel: () => idle({ phase: "idle" }),
  };
}
