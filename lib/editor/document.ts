import * as z from "@/lib/validation/zod";
import {
  MAX_REGIONS,
  RECIPE_VERSION,
  recipeSchema,
  type Mask,
  type MaskShape,
  type Recipe,
  type Region,
  type VectorMask,
} from "@/lib/recipe/schema";

/**
 * The editor's document: the motion recipe plus the little UI state that must survive undo and a
 * reload (region colours, visibility, frame sizes and URLs). Plain JSON, no class instances, no
 * Konva nodes, so it can be diffed, stored in history and written to IndexedDB as-is.
 */

import type { Size } from "@/lib/geometry/types";
import { maskBounds } from "@/lib/mask/bounds";

export type { Size };

/** An uploaded frame as the editor knows it: the server's asset plus what we need to draw it. */
export type FrameRef = { assetId: string; width: number; height: number; url: string };
export type FrameKind = "start" | "tail";
export type Frames = { start: FrameRef | null; tail: FrameRef | null };

/** UI data for one region, kept parallel to `recipe.regions` (same index, same length). */
export type RegionMeta = { id: string; color: string; visible: boolean };

export type EditorDocument = {
  recipe: Recipe;
  frames: Frames;
  regions: RegionMeta[];
  staticVisible: boolean;
};

/**
 * Six hues far apart on the wheel and bright enough (≥ 4.5:1 against neutral-950) to read on the
 * dark UI, yet distinct from the static mask's neutral slate.
 */
export const REGION_COLORS = ["#f87171", "#60a5fa", "#4ade80", "#facc15", "#c084fc", "#fb923c"] as const;
export const STATIC_MASK_COLOR = "#94a3b8";

export const frameRefSchema = z.object({
  assetId: z.string().check(z.minLength(1)),
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
  url: z.string().check(z.minLength(1)),
});

const regionMetaSchema = z.object({ id: z.string().check(z.minLength(1)), color: z.string().check(z.minLength(1)), visible: z.boolean() });

/** Used to accept a document restored from storage or reopened from a task ("edit and retry"). */
export const editorDocumentSchema = z
  .object({
    recipe: recipeSchema,
    frames: z.object({ start: z.nullable(frameRefSchema), tail: z.nullable(frameRefSchema) }),
    regions: z.array(regionMetaSchema).check(z.maxLength(MAX_REGIONS)),
    staticVisible: z.boolean(),
  })
  .check(
    z.refine((doc) => doc.regions.length === doc.recipe.regions.length, {
      message: "regions must be parallel to recipe.regions",
      path: ["regions"],
    }),
  );

export function emptyRecipe(): Recipe {
  return recipeSchema.parse({ version: RECIPE_VERSION });
}

export function emptyDocument(): EditorDocument {
  return { recipe: emptyRecipe(), frames: { start: null, tail: null }, regions: [], staticVisible: true };
}

/** The recipe to send: frame ids always come from the frames, the single source of truth. */
export function toRecipe(doc: EditorDocument): Recipe {
  return {
    ...doc.recipe,
    startFrame: doc.frames.start?.assetId ?? null,
    tailFrame: doc.frames.tail?.assetId ?? null,
  };
}

/** Accessible name and visible label of the region at `index` (0-based). Tests rely on it. */
export function regionLabel(index: number): string {
  return `Region ${index + 1}`;
}

/** The first palette colour no live region uses, so a deleted region's colour is reused. */
export function nextRegionColor(regions: readonly RegionMeta[]): string {
  const used = new Set(regions.map((r) => r.color));
  return REGION_COLORS.find((c) => !used.has(c)) ?? REGION_COLORS[regions.length % REGION_COLORS.length]!;
}

let idCounter = 0;
/** Region ids only need to be unique within one document; they key React lists. */
export function newRegionId(existing: readonly RegionMeta[]): string {
  const taken = new Set(existing.map((r) => r.id));
  let id: string;
  do {
    idCounter += 1;
    id = `r${Date.now().toString(36)}${idCounter.toString(36)}`;
  } while (taken.has(id));
  return id;
}

export function emptyRegion(): Region {
  return { name: "", mask: { strokes: [] }, trajectory: [], easing: "linear", curve: "smooth" };
}

/** Vector shapes of a mask; an uploaded PNG mask has none the editor can draw or append to. */
export function maskShapes(mask: Mask | null): MaskShape[] {
  if (!mask || "asset" in mask) return [];
  return mask.strokes;
}

export function withShape(mask: Mask | null, shape: MaskShape): VectorMask {
  return { strokes: [...maskShapes(mask), shape] };
}

export function canAddRegion(doc: EditorDocument): boolean {
  return doc.recipe.regions.length < MAX_REGIONS;
}

/** What is inconsistent about one region before submit, in the words the panel shows. */
export type RegionIssue = "no-trajectory" | "nothing-painted" | "empty";

/** Paint entirely outside the frame counts as nothing painted: the server rasterises at the frame's size. */
export function regionIssue(region: Region, frame?: Size | null): RegionIssue | null {
  const painted = "asset" in region.mask || maskBounds(region.mask, frame ?? undefined) !== null;
  const hasPath = region.trajectory.length >= 2;
  if (!painted && !hasPath) return "empty";
  if (!hasPath) return "no-trajectory";
  if (!painted) return "nothing-painted";
  return null;
}

/** Where the server serves an asset's bytes (design.md §2). */
export function assetUrl(assetId: string): string {
  return `/api/assets/${encodeURIComponent(assetId)}`;
}

/**
 * A document rebuilt from a recipe ("edit and retry" on a task): regions get fresh colours and ids,
 * frame ids come from the frames the caller resolved (their sizes are not in the recipe).
 */
export function documentFromRecipe(recipe: Recipe, frames: Frames): EditorDocument {
  const regions: RegionMeta[] = [];
  for (let i = 0; i < recipe.regions.length; i++) {
    regions.push({ id: newRegionId(regions), color: nextRegionColor(regions), visible: true });
  }
  return {
    recipe: { ...recipe, startFrame: frames.start?.assetId ?? null, tailFrame: frames.tail?.assetId ?? null },
    frames,
    regions,
    staticVisible: true,
  };
}
