import { createStore, type StoreApi } from "zustand/vanilla";
import type { Viewport } from "@/lib/geometry/types";
import type { Camera, Easing, ImagePoint, MaskShape, PathCurve, Recipe, VectorMask } from "@/lib/recipe/schema";
import { applyCommands, type EditorCommand, type MaskTarget } from "./commands";
import { emptyDocument, type EditorDocument, type FrameKind, type FrameRef } from "./document";
import * as H from "./history";
import { indexAfterMove } from "./region-order";
import { brushFor, selectionFor, type PaintTarget } from "./target";
import type { MaskLayer, ToolEffect, ToolId } from "./tools/types";

/**
 * The editor's one store. The document lives in an undo history; everything else (tool, brush,
 * selection, viewport) is session state that undo does not touch. No Konva node ever enters it.
 */

export type { Viewport };

export const BRUSH_MIN = 1;
export const BRUSH_MAX = 1024;
export const TOLERANCE_MIN = 0;
export const TOLERANCE_MAX = 100;

export type EditorState = {
  history: H.History<EditorDocument>;
  /** Always `history.present`; a field of its own so selectors stay short. */
  doc: EditorDocument;
  selectedRegion: number | null;
  selectedPoint: number | null;
  maskLayer: MaskLayer;
  tool: ToolId;
  brushSize: number;
  tolerance: number;
  viewport: Viewport;
  taskIds: string[];
};

export type EditorActions = {
  dispatch(commands: EditorCommand[], options?: { coalesceKey?: string }): void;
  setFrame(kind: FrameKind, frame: FrameRef | null): void;
  addRegion(): void;
  selectRegion(index: number | null): void;
  selectStatic(): void;
  /** The mask every painting tool works on (picker, keys 0–6); a brush button follows it. */
  setTarget(target: PaintTarget): void;
  selectPoint(index: number | null): void;
  toggleRegionVisible(index: number): void;
  toggleStaticVisible(): void;
  clearRegion(index: number): void;
  clearStatic(): void;
  deleteRegion(index: number): void;
  appendMaskShape(target: MaskTarget, shape: MaskShape): void;
  setTrajectory(index: number, points: ImagePoint[]): void;
  setRegionEasing(index: number, easing: Easing): void;
  setRegionCurve(index: number, curve: PathCurve): void;
  renameRegion(index: number, name: string): void;
  /** Moves a region in the list (its colour goes with it); the selection follows the moved region. */
  moveRegion(from: number, to: number): void;
  /** "Make everything else static": the static mask becomes the frame minus the regions (one undo step). */
  setStaticMask(mask: VectorMask): void;
  moveTrajectoryPoint(index: number, at: number, to: ImagePoint): void;
  insertTrajectoryPoint(index: number, at: number, point: ImagePoint): void;
  deleteTrajectoryPoint(index: number, at: number): void;
  /** Deletes the selected trajectory point, if any (Delete key). */
  deleteSelectedPoint(): void;
  setCamera(camera: Camera | null, options?: { coalesceKey?: string }): void;
  patchRecipe(patch: Partial<Recipe>, options?: { coalesceKey?: string }): void;
  /** Opens another document; `resetHistory` for a restore, undoable otherwise ("edit and retry"). */
  replaceDocument(doc: EditorDocument, options?: { resetHistory?: boolean }): void;
  beginGesture(): void;
  endGesture(): void;
  cancelGesture(): void;
  breakCoalescing(): void;
  undo(): void;
  redo(): void;
  setTool(tool: ToolId): void;
  setBrushSize(size: number): void;
  /** `[` and `]`: one step smaller or larger, proportional so it feels the same at any size. */
  stepBrushSize(direction: -1 | 1): void;
  setTolerance(tolerance: number): void;
  setViewport(viewport: Viewport): void;
  addTask(id: string): void;
  setTasks(ids: string[]): void;
  applyEffects(effects: readonly ToolEffect[]): void;
};

export type EditorStore = StoreApi<EditorState & EditorActions>;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A brush about 4 % of the frame's short side: the same feel on a 720p and a 4096 px frame. */
export function defaultBrushSize(frame: { width: number; height: number }): number {
  return Math.round(clamp(Math.min(frame.width, frame.height) * 0.04, 4, 512));
}

/** Keeps the selection pointing at something that exists after the document changed. */
function reconcileSelection(state: EditorState, doc: EditorDocument): Pick<EditorState, "selectedRegion" | "selectedPoint"> {
  const n = doc.recipe.regions.length;
  let selectedRegion = state.selectedRegion;
  if (selectedRegion !== null && selectedRegion >= n) selectedRegion = n > 0 ? n - 1 : null;
  const points = selectedRegion === null ? 0 : (doc.recipe.regions[selectedRegion]?.trajectory.length ?? 0);
  const selectedPoint = state.selectedPoint !== null && state.selectedPoint < points ? state.selectedPoint : null;
  return { selectedRegion, selectedPoint };
}

/** Selection changes a command implies: a new region is selected, a deleted one hands over. */
function selectionAfter(state: EditorState, commands: readonly EditorCommand[], before: EditorDocument, after: EditorDocument) {
  let selected = state.selectedRegion;
  let point = state.selectedPoint;
  for (const cmd of commands) {
    if (cmd.type === "addRegion" && after.recipe.regions.length > before.recipe.regions.length) {
      selected = after.recipe.regions.length - 1;
      point = null;
    } else if (cmd.type === "deleteRegion" && selected !== null) {
      if (selected === cmd.index) point = null;
      if (selected > cmd.index) selected -= 1;
    } else if (cmd.type === "moveRegion" && selected !== null) {
      selected = indexAfterMove(selected, cmd.from, cmd.to);
    } else if (cmd.type === "deleteTrajectoryPoint" && point !== null && cmd.index === selected) {
      point = point === cmd.at ? null : point > cmd.at ? point - 1 : point;
    } else if (cmd.type === "insertTrajectoryPoint" && cmd.index === selected) {
      point = cmd.at;
    }
  }
  return reconcileSelection({ ...state, selectedRegion: selected, selectedPoint: point }, after);
}

type StoreState = EditorState & EditorActions;
type Run = (commands: EditorCommand[], coalesceKey?: string) => void;
type CommandActionName = "toggleRegionVisible" | "toggleStaticVisible" | "clearRegion" | "clearStatic" | "deleteRegion" | "appendMaskShape" | "setTrajectory" | "setRegionEasing" | "setRegionCurve" | "renameRegion" | "moveRegion" | "setStaticMask" | "moveTrajectoryPoint" | "insertTrajectoryPoint" | "deleteTrajectoryPoint" | "setCamera" | "patchRecipe";
type SessionActionName = "setTool" | "setBrushSize" | "stepBrushSize" | "setTolerance" | "setViewport" | "addTask" | "setTasks";

/** Actions that are each one document command, so each is one undo step (or coalesces into one). */
function commandActions(run: Run): Pick<EditorActions, CommandActionName> {
  return {
    toggleRegionVisible: (index) => run([{ type: "toggleRegionVisible", index }]),
    toggleStaticVisible: () => run([{ type: "toggleStaticVisible" }]),
    clearRegion: (index) => run([{ type: "clearRegion", index }]),
    clearStatic: () => run([{ type: "clearStatic" }]),
    deleteRegion: (index) => run([{ type: "deleteRegion", index }]),
    appendMaskShape: (target, shape) => run([{ type: "appendMaskShape", target, shape }]),
    setTrajectory: (index, points) => run([{ type: "setTrajectory", index, points }]),
    setRegionEasing: (index, easing) => run([{ type: "setRegionEasing", index, easing }]),
    setRegionCurve: (index, curve) => run([{ type: "setRegionCurve", index, curve }]),
    renameRegion: (index, name) => run([{ type: "renameRegion", index, name }], `rename:${index}`),
    moveRegion: (from, to) => run([{ type: "moveRegion", from, to }]),
    setStaticMask: (mask) => run([{ type: "setStaticMask", mask }]),
    moveTrajectoryPoint: (index, at, to) => run([{ type: "moveTrajectoryPoint", index, at, to }]),
    insertTrajectoryPoint: (index, at, point) => run([{ type: "insertTrajectoryPoint", index, at, point }]),
    deleteTrajectoryPoint: (index, at) => run([{ type: "deleteTrajectoryPoint", index, at }]),
    setCamera: (camera, opts = {}) => run([{ type: "setCamera", camera }], opts.coalesceKey),
    patchRecipe: (patch, opts = {}) => run([{ type: "patchRecipe", patch }], opts.coalesceKey),
  };
}

/** Session state undo does not touch: tool, brush, tolerance, viewport, the task list. */
function sessionActions(set: StoreApi<StoreState>["setState"], get: StoreApi<StoreState>["getState"]): Pick<EditorActions, SessionActionName> {
  return {
    setTool: (tool) => set((s) => ({ tool, maskLayer: tool === "static-brush" ? "static" : tool === "dynamic-brush" ? "region" : s.maskLayer })),
    setBrushSize: (size) => set({ brushSize: Math.round(clamp(size, BRUSH_MIN, BRUSH_MAX)) }),
    stepBrushSize(direction) {
      const size = get().brushSize;
      const step = Math.max(1, Math.round(size * 0.2));
      get().setBrushSize(size + direction * step);
    },
    setTolerance: (tolerance) => set({ tolerance: Math.round(clamp(tolerance, TOLERANCE_MIN, TOLERANCE_MAX)) }),
    setViewport: (viewport) => set({ viewport }),
    addTask: (id) => set((s) => ({ taskIds: [id, ...s.taskIds.filter((t) => t !== id)] })),
    setTasks: (ids) => set({ taskIds: ids }),
  };
}

export type StoreOptions = { initial?: EditorDocument; now?: () => number };

export function createEditorStore(options: StoreOptions = {}): EditorStore {
  const now = options.now ?? (() => Date.now());
  const initial = options.initial ?? emptyDocument();

  return createStore<EditorState & EditorActions>()((set, get) => {
    const withHistory = (history: H.History<EditorDocument>) => {
      const state = get();
      if (history === state.history) return;
      set({ history, doc: history.present, ...reconcileSelection(state, history.present) });
    };
    const run = (commands: EditorCommand[], coalesceKey?: string) => get().dispatch(commands, { coalesceKey });

    return {
      history: H.createHistory(initial),
      doc: initial,
      selectedRegion: initial.recipe.regions.length > 0 ? 0 : null,
      selectedPoint: null,
      maskLayer: "region",
      tool: "dynamic-brush",
      brushSize: 40,
      tolerance: 16,
      viewport: { x: 0, y: 0, scale: 1 },
      taskIds: [],

      dispatch(commands, opts = {}) {
        const state = get();
        const before = state.history.present;
        const after = applyCommands(before, commands);
        if (after === before) return;
        const history = H.commit(state.history, after, { coalesceKey: opts.coalesceKey, now: now() });
        set({ history, doc: after, ...selectionAfter(state, commands, before, after) });
        if (commands.some((c) => c.type === "addRegion")) set((s) => ({ maskLayer: "region", tool: brushFor(s.tool, { kind: "new" }) }));
      },
      setFrame: (kind, frame) => run([{ type: "setFrame", kind, frame }]),
      addRegion: () => run([{ type: "addRegion" }]),
      selectRegion(index) {
        const n = get().doc.recipe.regions.length;
        if (index !== null && index >= 0 && index < n) return get().setTarget({ kind: "region", index });
        set({ selectedRegion: null, selectedPoint: null });
      },
      selectStatic: () => get().setTarget({ kind: "static" }),
      setTarget(target) {
        if (target.kind === "region" && !get().doc.regions[target.index]) return;
        set((s) => ({ ...selectionFor(target), selectedPoint: null, tool: brushFor(s.tool, target) }));
      },
      selectPoint(index) {
        const { selectedRegion, doc } = get();
        const len = selectedRegion === null ? 0 : (doc.recipe.regions[selectedRegion]?.trajectory.length ?? 0);
        set({ selectedPoint: index !== null && index >= 0 && index < len ? index : null });
      },
      ...commandActions(run),
      deleteSelectedPoint() {
        const { selectedRegion, selectedPoint } = get();
        if (selectedRegion === null || selectedPoint === null) return;
        run([{ type: "deleteTrajectoryPoint", index: selectedRegion, at: selectedPoint }]);
      },
      replaceDocument(doc, opts = {}) {
        const state = get();
        const history = opts.resetHistory ? H.reset(doc) : H.commit(H.endGesture(state.history), doc, { now: now() });
        set({ history, doc, selectedRegion: doc.recipe.regions.length > 0 ? 0 : null, selectedPoint: null });
      },
      beginGesture: () => withHistory(H.beginGesture(get().history)),
      endGesture: () => withHistory(H.endGesture(get().history)),
      cancelGesture: () => withHistory(H.cancelGesture(get().history)),
      breakCoalescing: () => withHistory(H.breakCoalescing(get().history)),
      undo: () => withHistory(H.undo(get().history)),
      redo: () => withHistory(H.redo(get().history)),
      ...sessionActions(set, get),
      // Notices are for the UI to show; the store has nothing to do with them.
      applyEffects(effects) {
        const actions = get();
        for (const effect of effects) {
          if (effect.type === "command") actions.dispatch(effect.commands);
          else if (effect.type === "beginGesture") actions.beginGesture();
          else if (effect.type === "endGesture") actions.endGesture();
          else if (effect.type === "cancelGesture") actions.cancelGesture();
          else if (effect.type === "selectRegion") actions.selectRegion(effect.index);
          else if (effect.type === "selectPoint") actions.selectPoint(effect.index);
          else if (effect.type === "panTo") actions.setViewport({ ...get().viewport, x: effect.x, y: effect.y });
        }
      },
    };
  });
}

export function canUndo(state: EditorState): boolean {
  return H.canUndo(state.history);
}

export function canRedo(state: EditorState): boolean {
  return H.canRedo(state.history);
}
