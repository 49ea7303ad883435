import type { ImagePoint } from "@/lib/recipe/schema";
import { applyCommands } from "../commands";
import { emptyDocument, type EditorDocument } from "../document";
import type { Tool, ToolContext, ToolEffect, ToolPointer } from "./types";

/** Test support: builds contexts and pointer events, and plays effects onto a document. */

export function ctxFor(doc: EditorDocument = emptyDocument(), over: Partial<ToolContext> = {}): ToolContext {
  return {
    doc,
    selectedRegion: doc.recipe.regions.length > 0 ? 0 : null,
    selectedPoint: null,
    maskLayer: "region",
    brushSize: 20,
    tolerance: 20,
    scale: 1,
    viewport: { x: 0, y: 0 },
    pixels: null,
    ...over,
  };
}

export function ptr(x: number, y: number, over: Partial<ToolPointer> = {}): ToolPointer {
  return { point: { x, y }, screen: { x, y }, button: 0, alt: false, shift: false, ...over };
}

/** Applies the document commands among `effects` (gesture marks and selection are store concerns). */
export function play(doc: EditorDocument, effects: readonly ToolEffect[]): EditorDocument {
  return effects.reduce((d, e) => (e.type === "command" ? applyCommands(d, e.commands) : d), doc);
}

/** Runs a full press–drag–release through a tool and returns the effects of every step. */
export function gesture<S>(tool: Tool<S>, points: readonly ImagePoint[], ctx: ToolContext, over: Partial<ToolPointer> = {}) {
  const [first, ...rest] = points;
  if (!first) throw new Error("gesture needs a point");
  const effects: ToolEffect[] = [];
  let r = tool.down(tool.initial, ptr(first.x, first.y, over), ctx);
  effects.push(...r.effects);
  const moves = rest.slice(0, -1);
  for (const p of moves) {
    r = tool.move(r.state, ptr(p.x, p.y, over), ctx);
    effects.push(...r.effects);
  }
  const last = rest.at(-1) ?? first;
  r = tool.up(r.state, ptr(last.x, last.y, over), ctx);
  effects.push(...r.effects);
  return { effects, state: r.state };
}
