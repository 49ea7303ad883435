import type { Size } from "@/lib/geometry/types";
import { assetUrl } from "@/lib/editor/document";
import { FILL_MAX_SIDE } from "@/lib/editor/preview/fill";
import type { Mask } from "@/lib/recipe/schema";
import { assetMaskIds, loadAssetMask, type LoadedMask } from "./asset-mask";
import { fillOffThread } from "./fill-client";
import { cutLayers, type PreviewLayers } from "./layers";

/** What the layers are cut from; a new key (other masks, frame or picture) means new layers. */
export type LayerKey = { start: HTMLImageElement; frame: Size; staticMask: Mask | null; masks: readonly Mask[] };

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

export type LayerSource = {
  /** The layers on screen, null until the first cut. */
  current(): PreviewLayers | null;
  /** Brings the layers in line with `key`; `shown` is called with layers that arrive later. */
  refresh(key: LayerKey): void;
  dispose(): void;
};

/**
 * Keeps the preview's layers in line with the document's masks. On opening, just after the first
 * frame has been painted (t = 0 needs no layers, so it shows at once); on later edits synchronously,
 * so the frame on screen never shows stale masks. Uploaded masks load first; the fine texture fill is
 * computed in a worker and swapped in when ready. Nothing leaves the browser: uploaded PNG masks are
 * the only thing fetched, from our own asset URLs.
 */
export function createLayerSource(shown: (layers: PreviewLayers) => void): LayerSource {
  const assetMasks = new Map<string, LoadedMask>();
  let layers: PreviewLayers | null = null;
  let layerKey: LayerKey | null = null;
  let disposed = false;
  const afterPaint = { frame: 0, timer: 0 };
  const isCurrent = (key: LayerKey) => !disposed && layerKey === key;
  const show = (next: PreviewLayers) => {
    layers = next;
    shown(next);
  };

  /** Cuts the layers now (a few milliseconds); the fine fill is swapped in when the worker has it. */
  function cutFor(key: LayerKey): PreviewLayers {
    const cut = cutLayers({ start: key.start, frame: key.frame, staticMask: key.staticMask, regionMasks: key.masks, assetMasks }, FILL_MAX_SIDE);
    const { fine } = cut;
    if (fine) {
      window.setTimeout(() => {
        if (isCurrent(key)) void fillOffThread(fine()).then((filled) => isCurrent(key) && show(cut.withFill(filled)));
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

  return {
    current: () => layers,
    refresh(key) {
      if (layerKey && sameKey(layerKey, key)) return;
      const opening = layerKey === null;
      layerKey = key;
      const missing = assetMaskIds([key.staticMask, ...key.masks]).filter((id) => !assetMasks.has(id));
      if (missing.length > 0) {
        void loadMasks(missing, key.frame).then(() => isCurrent(key) && show(cutFor(key)));
      } else if (opening) {
        // An animation frame callback runs just before the paint; a timer set there runs just after it.
        afterPaint.frame = requestAnimationFrame(() => {
          afterPaint.timer = window.setTimeout(() => isCurrent(key) && show(cutFor(key)), 0);
        });
      } else {
        layers = cutFor(key);
      }
    },
    dispose() {
      disposed = true;
      cancelAnimationFrame(afterPaint.frame);
      clearTimeout(afterPaint.timer);
    },
  };
}
