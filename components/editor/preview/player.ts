import type { Size, Viewport } from "@/lib/geometry/types";
import { toRecipe, type EditorDocument } from "@/lib/editor/document";
import { frameToCanvas, planFrame, type PixelRect } from "@/lib/editor/preview/frame-plan";
import { previewTime } from "@/lib/editor/preview/playback";
import type { PreviewStore } from "@/lib/editor/preview/store";
import type { EditorStore } from "@/lib/editor/store";
import { motionSceneFromRecipe, type MotionScene } from "@/lib/motion";
import type { PreviewLayers } from "./layers";
import { createPlaybackClock } from "./player-clock";
import { createLayerSource } from "./player-layers";
import { drawFrame, type ComposeCache } from "./renderer";

/**
 * Plays the preview into one canvas. Three parts: the playback clock (player-clock.ts), the layers
 * cut from the document's masks (player-layers.ts), and the frame drawing here, which draws a frame
 * per animation frame while playing, or at once when paused and something changes (a seek, a
 * trajectory point being dragged).
 */

export type PlayerInput = {
  start: HTMLImageElement;
  tail: HTMLImageElement | null;
  /** The start frame's pixel size. */
  frame: Size;
  viewport: Viewport;
  /** Where the canvas sits in the view (CSS pixels); null while the frame is off screen. */
  rect: PixelRect | null;
  dpr: number;
};

export type PreviewPlayer = { update(input: PlayerInput): void; dispose(): void };

/** Draws frames into `canvas`: the motion scene memoised per document, the canvas sized to its rect. */
function createFrameDrawer(canvas: HTMLCanvasElement, editor: EditorStore, preview: PreviewStore) {
  // Opaque: every pixel of the canvas lies on the picture, and the compositor skips blending it.
  const ctx = canvas.getContext("2d", { alpha: false });
  const cache: ComposeCache = { canvas: null };
  let sceneMemo: { doc: EditorDocument; frame: Size; scene: MotionScene } | null = null;
  const state = { dirty: true, drawnT: -1 };

  function sceneOf(doc: EditorDocument, frame: Size): MotionScene {
    if (sceneMemo?.doc.recipe !== doc.recipe || sceneMemo.doc.frames !== doc.frames || sceneMemo.frame !== frame) {
      sceneMemo = { doc, frame, scene: motionSceneFromRecipe(toRecipe(doc), frame) };
    }
    return sceneMemo.scene;
  }

  function draw(input: PlayerInput | null, layers: PreviewLayers | null): void {
    if (!input?.rect || !ctx) return;
    const { rect, dpr, viewport, frame } = input;
    const width = Math.max(1, Math.round(rect.width * dpr));
    const height = Math.max(1, Math.round(rect.height * dpr));
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const t = previewTime(preview.getState());
    const plan = planFrame(sceneOf(editor.getState().doc, frame), t);
    drawFrame(ctx, frameToCanvas(viewport, rect, dpr), viewport.scale * dpr, plan, { start: input.start, tail: input.tail, frame, layers }, cache);
    state.dirty = false;
    state.drawnT = t;
    canvas.dataset.t = String(t);
    canvas.dataset.previewReady ??= "true";
  }

  return { draw, state };
}

export function createPreviewPlayer(canvas: HTMLCanvasElement, editor: EditorStore, preview: PreviewStore): PreviewPlayer {
  let input: PlayerInput | null = null;
  const drawer = createFrameDrawer(canvas, editor, preview);
  const render = () => drawer.draw(input, layers.current());
  const layers = createLayerSource(() => {
    drawer.state.dirty = true;
    if (!preview.getState().playing) return render();
    clock.start();
    clock.ensureLoop();
  });
  const clock = createPlaybackClock(preview, {
    ready: () => layers.current() !== null,
    stale: (t) => drawer.state.dirty || t !== drawer.state.drawnT,
    draw: render,
  });

  function refreshLayers(): void {
    if (!input) return;
    const { recipe } = editor.getState().doc;
    layers.refresh({ start: input.start, frame: input.frame, staticMask: recipe.staticMask, masks: recipe.regions.map((r) => r.mask) });
  }

  const stopPreview = preview.subscribe((state, previous) => {
    if (clock.ticking) return;
    if (state.playing) {
      if (!previous.playing) clock.restart();
      clock.ensureLoop();
    } else if (state.active && (state.clock !== previous.clock || state.frames !== previous.frames || previous.playing)) {
      render();
    }
  });

  const stopEditor = editor.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    refreshLayers();
    drawer.state.dirty = true;
    // Paused: a dragged trajectory point shows in this very frame.
    if (!preview.getState().playing) render();
  });

  return {
    update(next) {
      input = next;
      drawer.state.dirty = true;
      refreshLayers();
      render();
      clock.start();
      clock.ensureLoop();
    },
    dispose() {
      stopPreview();
      stopEditor();
      clock.dispose();
      layers.dispose();
    },
  };
}
