"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useCallback, useMemo, useRef, useState, type RefObject } from "react";
import { Image as KonvaImage, Layer, Rect, Stage } from "./konva";
import { useStore } from "zustand";
import type { PixelSource } from "@/lib/editor/tools/types";
import type { PreviewStore } from "@/lib/editor/preview/store";
import type { Insets } from "@/lib/editor/viewport";
import { useMaskOpacity } from "../mask-opacity";
import { useEditor, useEditorStore } from "../store-context";
import { useTargetName } from "../target-name";
import type { CanvasController } from "./canvas-controller";
import { createCanvasSignals } from "./canvas-signals";
import { CursorTarget } from "./cursor-target";
import { MaskLayer } from "./mask-layer";
import { TrajectoryLayer } from "./trajectory-layer";
import { WarningLayer } from "./warning-layer";
import { UiLayer } from "./ui-layer";
import { useCanvasInput } from "./use-canvas-input";
import { readPixels, useHtmlImage } from "./use-html-image";
import { useViewSize } from "./use-view-size";
import { useViewportControl } from "./use-viewport-control";

/** The live preview (player, compositor, fill) loads when Preview is first switched on. */
const PreviewCanvas = lazy(() => import("../preview/preview-canvas").then((module) => ({ default: module.PreviewCanvas })));

/**
 * The Konva stage: image, masks, trajectories and a UI layer, in that order. The stage carries the
 * viewport transform, so every layer draws in image pixels. Only loaded in the browser (next/dynamic).
 */

type Props = {
  controllerRef: RefObject<CanvasController | null>;
  onNotice: (message: string) => void;
  preview: PreviewStore;
  /** Where floating controls cover the view: the fit keeps the image clear of them. */
  insets: Insets;
};

const CURSORS: Record<string, string> = {
  "static-brush": "none",
  "dynamic-brush": "none",
  eraser: "none",
  lasso: "crosshair",
  "smart-select": "cell",
  trajectory: "crosshair",
  hand: "grab",
};

export default function EditorCanvas({ controllerRef, onNotice, preview, insets }: Props) {
  const t = useTranslations("editor");
  const store = useEditorStore();
  const containerRef = useRef<HTMLDivElement>(null);
  const view = useViewSize(containerRef);
  const [signals] = useState(createCanvasSignals);

  const doc = useEditor((s) => s.doc);
  const viewport = useEditor((s) => s.viewport);
  const tool = useEditor((s) => s.tool);
  const brushSize = useEditor((s) => s.brushSize);
  const selectedRegion = useEditor((s) => s.selectedRegion);
  const selectedPoint = useEditor((s) => s.selectedPoint);
  const panning = useStore(signals, (s) => s.panning);
  const maskOpacity = useMaskOpacity();
  const regionName = useTargetName();
  const names = useMemo(() => doc.regions.map((_, index) => regionName(doc, { kind: "region", index })), [doc, regionName]);
  // Preview mode: the moving picture replaces the image and mask layers; paths stay editable on top.
  const previewing = useStore(preview, (s) => s.active);

  const start = doc.frames.start;
  const image = useHtmlImage(start?.url ?? null);
  const imageSize = useMemo(() => (start ? { width: start.width, height: start.height } : null), [start]);

  // Smart select reads pixels lazily, once per image: most sessions never use it.
  const pixelCache = useRef<{ image: HTMLImageElement; source: PixelSource | null } | null>(null);
  const pixels = useCallback((): PixelSource | null => {
    if (!image || !start) return null;
    if (pixelCache.current?.image !== image) {
      const read = readPixels(image);
      pixelCache.current = { image, source: read && { data: read.data, scale: start.width / read.data.width } };
    }
    return pixelCache.current.source;
  }, [image, start]);

  const { handlers, cancel } = useCanvasInput({ store, signals, containerRef, imageSize, viewSize: view, pixels, onNotice });

  useViewportControl({ store, start, imageSize, view, insets, controllerRef, cancel });

  const cursor = panning === "active" ? "grabbing" : panning === "ready" ? "grab" : (CURSORS[tool] ?? "default");

  return (
    <div
      ref={containerRef}
      className="absolute inset-0 touch-none select-none overflow-hidden outline-none"
      style={{ cursor }}
      role="application"
      aria-label={t("canvas")}
      aria-roledescription={t("canvasRole")}
      data-testid="editor-canvas"
      data-viewport={JSON.stringify(viewport)}
      onContextMenu={(e) => e.preventDefault()}
      {...handlers}
    >
      {view.width > 0 && imageSize && previewing && image && (
        <Suspense fallback={null}>
          <PreviewCanvas preview={preview} image={image} frame={imageSize} viewport={viewport} view={view} />
        </Suspense>
      )}
      {view.width > 0 && imageSize && (
        <Stage
          width={view.width}
          height={view.height}
          x={viewport.x}
          y={viewport.y}
          scaleX={viewport.scale}
          scaleY={viewport.scale}
          listening={false}
        >
          <Layer listening={false} imageSmoothingEnabled={viewport.scale < 2} visible={!previewing}>
            <Rect
              width={imageSize.width}
              height={imageSize.height}
              fill="#171717"
              stroke="rgba(255,255,255,0.12)"
              strokeWidth={1 / viewport.scale}
              shadowColor="black"
              shadowBlur={24}
              shadowOpacity={0.5}
              shadowForStrokeEnabled={false}
            />
            {image && <KonvaImage image={image} width={imageSize.width} height={imageSize.height} />}
          </Layer>
          {!previewing && <MaskLayer doc={doc} selectedRegion={selectedRegion} width={imageSize.width} height={imageSize.height} scale={viewport.scale} opacity={maskOpacity} />}
          <TrajectoryLayer
            doc={doc}
            selectedRegion={selectedRegion}
            selectedPoint={selectedPoint}
            editing={tool === "trajectory" || previewing}
            names={names}
            scale={viewport.scale}
          />
          {!previewing && <WarningLayer recipe={doc.recipe} frame={imageSize} scale={viewport.scale} />}
          <UiLayer signals={signals} tool={tool} brushSize={brushSize} scale={viewport.scale} />
        </Stage>
      )}
      {view.width > 0 && imageSize && <CursorTarget signals={signals} tool={tool} brushSize={brushSize} viewport={viewport} view={view} />}
    </div>
  );
}
