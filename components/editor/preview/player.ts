import type { Size, Viewport } from "@/lib/geometry/types";
import { assetUrl, toRecipe, type EditorDocument } from "@/lib/editor/document";
import { FILL_MAX_SIDE } from "@/lib/editor/preview/fill";
import { frameToCanvas, planFrame, type PixelRect } from "@/lib/editor/preview/frame-plan";
import { previewTime } from "@/lib/editor/preview/playback";
import type { PreviewStore } from "@/lib/editor/preview/store";
import type { EditorStore } from "@/lib/editor/store";
import { motionSceneFromRecipe, type MotionScene } from "@/lib/motion";
import type { Mask } from "@/lib/recipe/schema";
import { assetMaskIds, loadAssetMask, type LoadedMask } from "./asset-mask";
import { fillOffThread } from "./fill-client";
import { cutLayers, type PreviewLayers } from "./layers";
import { drawFrame, type ComposeCache } from "./renderer";

/**
 * Plays the preview into one canvas: listens to the preview clock and the document, cuts layers when
 * masks change, and draws a frame per animation frame while playing — or at once, when paused and
 * something changes (a seek, a trajectory point being dragged). Nothing leaves the browser: uploaded
 * PNG masks are the only thing it may fetch, from our own asset URLs; the fine fill runs in a worker.
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

type LayerKey = { start: HTMLImageElement; frame: Size; staticMask: Mask | null; masks: readonly Mask[] };

function sameKey(a: LayerKey, b: LayerKey): boolean {
  return (
    a.start === b.start &&
    a.frame.width === b.frame.width &&
    a.frame.height === b.frame.height &&
    a.staticMask === b.staticMask &&
    a.masks.length === b.masks.length &&
    a.masks.every((mask, i) => mask === b.masks[i])
  );
}

export function createPreviewPlayer(canvas: HTMLCanvasElement, editor: EditorStore, preview: PreviewStore): PreviewPlayer {
  // Opaque: every pixel of the canvas lies on the picture, and the compositor skips blending it.
  const ctx = canvas.getContext("2d", { alpha: false });
  const cache: ComposeCache = { canvas: null };
  const assetMasks = new Map<string, LoadedMask>();
  let input: PlayerInput | null = null;
  let layers: PreviewLayers | null = null;
  let layerKey: LayerKey | null = null;
  let sceneMemo: { doc: EditorDocument; frame: Size; scene: MotionScene } | null = null;
  let raf = 0;
  let last: number | null = null;
  let ticking = false;
  let dirty = true;
  let drawnT = -1;
  let disposed = false;
  const afterPaint = { frame: 0, timer: 0 };

  function sceneOf(doc: EditorDocument, frame: Size): MotionScene {
    if (sceneMemo?.doc.recipe !== doc.recipe || sceneMemo.doc.frames !== doc.frames || sceneMemo.frame !== frame) {
      sceneMemo = { doc, frame, scene: motionSceneFromRecipe(toRecipe(doc), frame) };
    }
    return sceneMemo.scene;
  }

  function render(): void {
    if (!input?.rect || !ctx) return;
    const { rect, dpr, viewport, frame } = input;
    const width = Math.max(1, Math.round(rect.width * dpr));
    const height = Math.max(1, Math.round(rect.height * dpr));
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const t = previewTime(preview.getState());
    const plan = planFrame(sceneOf(editor.getState().doc, frame), t);
    drawFrame(ctx, frameToCanvas(viewport, rect, dpr), viewport.scale * dpr, plan, { start: input.start, tail: input.tail, frame, layers }, cache);
    dirty = false;
    drawnT = t;
    canvas.dataset.t = String(t);
    canvas.dataset.previewReady ??= "true";
  }

  function loop(now: number): void {
    raf = 0;
    const state = preview.getState();
    if (!state.active) return;
    // The clock waits for the layers (an uploaded mask still loading): without them only t = 0 is exact.
    if (state.playing && layers) {
      // A frame's timestamp is when it began, which can precede a clock started during it.
      const at = last === null || now > last ? now : performance.now();
      ticking = true;
      if (last !== null) state.tick(at - last);
      ticking = false;
      last = at;
    } else {
      last = null;
    }
    if (dirty || previewTime(preview.getState()) !== drawnT) render();
    if (preview.getState().playing) raf = requestAnimationFrame(loop);
  }

  /** Starts the clock from this moment, not from the next animation frame. */
  function startClock(): void {
    if (preview.getState().playing && layers) last ??= performance.now();
  }

  function ensureLoop(): void {
    if (raf === 0 && !disposed && preview.getState().playing) raf = requestAnimationFrame(loop);
  }

  function showLayers(next: PreviewLayers): void {
    layers = next;
    dirty = true;
    if (!preview.getState().playing) return render();
    startClock();
    ensureLoop();
  }

  /** Cuts the layers now (a few milliseconds); the fine fill is swapped in when the worker has it. */
  function cutFor(key: LayerKey): PreviewLayers {
    const cut = cutLayers({ start: key.start, frame: key.frame, staticMask: key.staticMask, regionMasks: key.masks, assetMasks }, FILL_MAX_SIDE);
    const { fine } = cut;
    const current = () => !disposed && layerKey === key;
    if (fine) {
      window.setTimeout(() => {
        if (current()) void fillOffThread(fine()).then((filled) => current() && showLayers(cut.withFill(filled)));
      }, 0);
    }
    return cut.layers;
  }

  async function loadMasks(ids: readonly string[], frame: Size): Promise<void> {
    await Promise.all(
      ids.map((id) =>
        loadAssetMask(assetUrl(id), frame).then(
          (mask) => void assetMasks.set(id, mask),
          // An unreadable mask draws as nothing painted, as a missing one would.
          () => void assetMasks.set(id, { canvas: document.createElement("canvas"), bounds: null }),
        ),
      ),
    );
  }

  /**
   * Brings the layers in line with the document's masks. On opening, just after the first frame has
   * been painted (t = 0 needs no layers, so it shows at once); on later edits synchronously, so the
   * frame on screen never shows stale masks. Uploaded masks load first.
   */
  function refreshLayers(): void {
    if (!input) return;
    const { doc } = editor.getState();
    const key: LayerKey = { start: input.start, frame: input.frame, staticMask: doc.recipe.staticMask, masks: doc.recipe.regions.map((r) => r.mask) };
    if (layerKey && sameKey(layerKey, key)) return;
    const opening = layerKey === null;
    layerKey = key;
    const current = () => !disposed && layerKey === key;
    const missing = assetMaskIds([key.staticMask, ...key.masks]).filter((id) => !assetMasks.has(id));
    if (missing.length > 0) {
      void loadMasks(missing, key.frame).then(() => current() && showLayers(cutFor(key)));
    } else if (opening) {
      // An animation frame callback runs just before the paint; a timer set there runs just after it.
      afterPaint.frame = requestAnimationFrame(() => {
        afterPaint.timer = window.setTimeout(() => current() && showLayers(cutFor(key)), 0);
      });
    } else {
      layers = cutFor(key);
      dirty = true;
    }
  }

  const stopPreview = preview.subscribe((state, previous) => {
    if (ticking) return;
    if (state.playing) {
      if (!previous.playing) {
        last = null;
        startClock();
      }
      ensureLoop();
    } else if (state.active && (state.clock !== previous.clock || state.frames !== previous.frames || previous.playing)) {
      render();
    }
  });

  const stopEditor = editor.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    refreshLayers();
    dirty = true;
    // Paused: a dragged trajectory point shows in this very frame.
    if (!preview.getState().playing) render();
  });

  return {
    update(next) {
      input = next;
      dirty = true;
      refreshLayers();
      render();
      startClock();
      ensureLoop();
    },
    dispose() {
      disposed = true;
      stopPreview();
      stopEditor();
      cancelAnimationFrame(raf);
      cancelAnimationFrame(afterPaint.frame);
      clearTimeout(afterPaint.timer);
    },
  };
}
