import { MAX_REGIONS } from "@/lib/recipe/schema";
import { canAddRegion, nextRegionColor, STATIC_MASK_COLOR, type EditorDocument } from "./document";
import type { MaskLayer, ToolId } from "./tools/types";

/**
 * The paint target: the one mask every painting tool works on, chosen explicitly (the picker in the
 * tool strip, keys 0–6, the regions list) and never changed by switching tools. Pure, so the rules
 * are unit-tested; the store keeps it as `maskLayer` + `selectedRegion`.
 */

/** "new": a region the first paint creates, in the same undo step. */
export type PaintTarget = { kind: "static" } | { kind: "region"; index: number } | { kind: "new" };

/** The tools that paint into a mask and so show the target picker (the trajectory tool draws paths). */
export const PAINT_TOOLS: ReadonlySet<ToolId> = new Set<ToolId>(["static-brush", "dynamic-brush", "eraser", "lasso", "smart-select"]);

type Selection = { doc: EditorDocument; maskLayer: MaskLayer; selectedRegion: number | null };

/** The target the selection stands for; with all six regions taken, "new" falls back to the last one. */
export function paintTarget({ doc, maskLayer, selectedRegion }: Selection): PaintTarget {
  if (maskLayer === "static") return { kind: "static" };
  if (selectedRegion !== null && doc.regions[selectedRegion]) return { kind: "region", index: selectedRegion };
  if (canAddRegion(doc)) return { kind: "new" };
  return doc.regions.length > 0 ? { kind: "region", index: doc.regions.length - 1 } : { kind: "static" };
}

export function sameTarget(a: PaintTarget, b: PaintTarget): boolean {
  return a.kind === b.kind && (a.kind !== "region" || (b.kind === "region" && a.index === b.index));
}

/** The colour the target paints in: the region's, the next free one for a new region, slate for static. */
export function targetColor(doc: EditorDocument, target: PaintTarget): string {
  if (target.kind === "static") return STATIC_MASK_COLOR;
  if (target.kind === "new") return nextRegionColor(doc.regions);
  return doc.regions[target.index]?.color ?? STATIC_MASK_COLOR;
}

/** Key 0 is the static mask, 1–6 the regions; the key after the last region means a new one. */
export function targetKey(doc: EditorDocument, target: PaintTarget): number {
  if (target.kind === "static") return 0;
  return target.kind === "region" ? target.index + 1 : doc.regions.length + 1;
}

/** What a digit key picks, or null when there is nothing at that number (e.g. 5 with two regions). */
export function targetForKey(doc: EditorDocument, digit: number): PaintTarget | null {
  if (digit === 0) return { kind: "static" };
  if (!Number.isInteger(digit) || digit < 1 || digit > MAX_REGIONS) return null;
  if (digit <= doc.regions.length) return { kind: "region", index: digit - 1 };
  return digit === doc.regions.length + 1 && canAddRegion(doc) ? { kind: "new" } : null;
}

/** The choices the picker offers the tool: "new" is no choice for the eraser, there is nothing to erase. */
export function targetOptions(doc: EditorDocument, tool: ToolId): PaintTarget[] {
  const options: PaintTarget[] = [{ kind: "static" }, ...doc.regions.map((_, index) => ({ kind: "region" as const, index }))];
  if (tool !== "eraser" && canAddRegion(doc)) options.push({ kind: "new" });
  return options;
}

/**
 * The two brush buttons are one brush with a target kind: the static brush paints the static mask, the
 * dynamic brush a region. So a target chosen while a brush is active picks the matching button; every
 * other tool keeps itself, and picking a tool keeps the target (the brush buttons excepted, by name).
 */
export function brushFor(tool: ToolId, target: PaintTarget): ToolId {
  if (tool === "static-brush" && target.kind !== "static") return "dynamic-brush";
  if (tool === "dynamic-brush" && target.kind === "static") return "static-brush";
  return tool;
}

/** The store fields a target is kept in. */
export function selectionFor(target: PaintTarget): { maskLayer: MaskLayer; selectedRegion?: number | null } {
  if (target.kind === "static") return { maskLayer: "static" };
  return { maskLayer: "region", selectedRegion: target.kind === "region" ? target.index : null };
}
