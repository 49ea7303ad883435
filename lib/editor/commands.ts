import {
  MAX_REGION_NAME_LENGTH,
  MAX_REGIONS,
  type Camera,
  type Easing,
  type ImagePoint,
  type MaskShape,
  type PathCurve,
  type Recipe,
  type VectorMask,
} from "@/lib/recipe/schema";
import {
  emptyRegion,
  newRegionId,
  nextRegionColor,
  withShape,
  type EditorDocument,
  type FrameKind,
  type FrameRef,
  type RegionMeta,
} from "./document";
import { moveItem } from "./region-order";

/**
 * Every change to the document is one of these named commands, applied by a pure function. Tools
 * emit them as data (so their state machines are testable without a store), the store applies them.
 */

/** Which mask a shape goes into: the static mask or a region by index. */
export type MaskTarget = "static" | number;

export type EditorCommand =
  | { type: "setFrame"; kind: FrameKind; frame: FrameRef | null }
  | { type: "addRegion" }
  | { type: "deleteRegion"; index: number }
  | { type: "clearRegion"; index: number }
  | { type: "toggleRegionVisible"; index: number }
  | { type: "toggleStaticVisible" }
  | { type: "clearStatic" }
  | { type: "appendMaskShape"; target: MaskTarget; shape: MaskShape }
  | { type: "setTrajectory"; index: number; points: ImagePoint[] }
  | { type: "setRegionEasing"; index: number; easing: Easing }
  | { type: "setRegionCurve"; index: number; curve: PathCurve }
  | { type: "renameRegion"; index: number; name: string }
  | { type: "moveRegion"; from: number; to: number }
  | { type: "setStaticMask"; mask: VectorMask }
  | { type: "moveTrajectoryPoint"; index: number; at: number; to: ImagePoint }
  | { type: "insertTrajectoryPoint"; index: number; at: number; point: ImagePoint }
  | { type: "deleteTrajectoryPoint"; index: number; at: number }
  | { type: "setCamera"; camera: Camera | null }
  | { type: "patchRecipe"; patch: Partial<Recipe> };

function withRecipe(doc: EditorDocument, patch: Partial<Recipe>): EditorDocument {
  return { ...doc, recipe: { ...doc.recipe, ...patch } };
}

function mapRegion(doc: EditorDocument, index: number, fn: (r: Recipe["regions"][number]) => Recipe["regions"][number]) {
  const region = doc.recipe.regions[index];
  if (!region) return doc;
  const regions = doc.recipe.regions.slice();
  regions[index] = fn(region);
  return withRecipe(doc, { regions });
}

function mapTrajectory(doc: EditorDocument, index: number, fn: (points: ImagePoint[]) => ImagePoint[] | null) {
  const region = doc.recipe.regions[index];
  if (!region) return doc;
  const next = fn(region.trajectory);
  return next ? mapRegion(doc, index, (r) => ({ ...r, trajectory: next })) : doc;
}

/** Keeps `doc.regions` parallel to `recipe.regions` after a patch changed their number. */
function syncRegionMeta(doc: EditorDocument): EditorDocument {
  const n = doc.recipe.regions.length;
  if (doc.regions.length === n) return doc;
  const metas: RegionMeta[] = doc.regions.slice(0, n);
  while (metas.length < n) metas.push({ id: newRegionId(metas), color: nextRegionColor(metas), visible: true });
  return { ...doc, regions: metas };
}

function patchRecipe(doc: EditorDocument, patch: Partial<Recipe>): EditorDocument {
  let next = withRecipe(doc, patch);
  // Frame ids live in `frames`; a patch that drops the tail frame (conflict chooser) must drop it there.
  if ("tailFrame" in patch && patch.tailFrame === null) next = { ...next, frames: { ...next.frames, tail: null } };
  if ("startFrame" in patch && patch.startFrame === null) next = { ...next, frames: { ...next.frames, start: null } };
  return syncRegionMeta(next);
}

export function applyCommand(doc: EditorDocument, cmd: EditorCommand): EditorDocument {
  switch (cmd.type) {
    case "setFrame": {
      const frames = { ...doc.frames, [cmd.kind]: cmd.frame };
      const idField = cmd.kind === "start" ? "startFrame" : "tailFrame";
      return { ...doc, frames, recipe: { ...doc.recipe, [idField]: cmd.frame?.assetId ?? null } };
    }
    case "addRegion": {
      if (doc.recipe.regions.length >= MAX_REGIONS) return doc;
      const meta: RegionMeta = { id: newRegionId(doc.regions), color: nextRegionColor(doc.regions), visible: true };
      return { ...withRecipe(doc, { regions: [...doc.recipe.regions, emptyRegion()] }), regions: [...doc.regions, meta] };
    }
    case "deleteRegion": {
      if (!doc.recipe.regions[cmd.index]) return doc;
      return {
        ...withRecipe(doc, { regions: doc.recipe.regions.filter((_, i) => i !== cmd.index) }),
        regions: doc.regions.filter((_, i) => i !== cmd.index),
      };
    }
    case "clearRegion":
      return mapRegion(doc, cmd.index, (r) =>
        r.trajectory.length === 0 && "strokes" in r.mask && r.mask.strokes.length === 0 ? r : { ...r, ...emptyRegion() },
      );
    case "toggleRegionVisible": {
      if (!doc.regions[cmd.index]) return doc;
      return { ...doc, regions: doc.regions.map((m, i) => (i === cmd.index ? { ...m, visible: !m.visible } : m)) };
    }
    case "toggleStaticVisible":
      return { ...doc, staticVisible: !doc.staticVisible };
    case "clearStatic":
      return doc.recipe.staticMask === null ? doc : withRecipe(doc, { staticMask: null });
    case "appendMaskShape":
      if (cmd.target === "static") return withRecipe(doc, { staticMask: withShape(doc.recipe.staticMask, cmd.shape) });
      return mapRegion(doc, cmd.target, (r) => ({ ...r, mask: withShape(r.mask, cmd.shape) }));
    case "setTrajectory":
      return mapTrajectory(doc, cmd.index, () => cmd.points);
    case "setRegionEasing":
      if (doc.recipe.regions[cmd.index]?.easing === cmd.easing) return doc;
      return mapRegion(doc, cmd.index, (r) => ({ ...r, easing: cmd.easing }));
    case "setRegionCurve":
      if (doc.recipe.regions[cmd.index]?.curve === cmd.curve) return doc;
      return mapRegion(doc, cmd.index, (r) => ({ ...r, curve: cmd.curve }));
    case "renameRegion": {
      // Trimmed when the field is left (the schema trims too): mid-typing, "My " must keep its space.
      const name = cmd.name.slice(0, MAX_REGION_NAME_LENGTH);
      if (doc.recipe.regions[cmd.index]?.name === name) return doc;
      return mapRegion(doc, cmd.index, (r) => ({ ...r, name }));
    }
    case "moveRegion": {
      const n = doc.recipe.regions.length;
      if (cmd.from === cmd.to || cmd.from < 0 || cmd.to < 0 || cmd.from >= n || cmd.to >= n) return doc;
      return { ...withRecipe(doc, { regions: moveItem(doc.recipe.regions, cmd.from, cmd.to) }), regions: moveItem(doc.regions, cmd.from, cmd.to) };
    }
    case "setStaticMask":
      return withRecipe(doc, { staticMask: cmd.mask });
    case "moveTrajectoryPoint":
      return mapTrajectory(doc, cmd.index, (pts) => {
        const old = pts[cmd.at];
        if (!old || (old.x === cmd.to.x && old.y === cmd.to.y)) return null;
        return pts.map((p, i) => (i === cmd.at ? cmd.to : p));
      });
    case "insertTrajectoryPoint":
      return mapTrajectory(doc, cmd.index, (pts) => {
        const at = Math.max(0, Math.min(cmd.at, pts.length));
        return [...pts.slice(0, at), cmd.point, ...pts.slice(at)];
      });
    case "deleteTrajectoryPoint":
      return mapTrajectory(doc, cmd.index, (pts) => (pts[cmd.at] ? pts.filter((_, i) => i !== cmd.at) : null));
    case "setCamera":
      return withRecipe(doc, { camera: cmd.camera });
    case "patchRecipe":
      return patchRecipe(doc, cmd.patch);
  }
}

export function applyCommands(doc: EditorDocument, cmds: readonly EditorCommand[]): EditorDocument {
  return cmds.reduce(applyCommand, doc);
}
