"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useMemo, useRef } from "react";
import type { Size, Viewport } from "@/lib/geometry/types";
import { canvasRect } from "@/lib/editor/preview/frame-plan";
import type { PreviewStore } from "@/lib/editor/preview/store";
import { useHtmlImage } from "../canvas/use-html-image";
import { useEditor, useEditorStore } from "../store-context";
import { createPreviewPlayer, type PreviewPlayer } from "./player";

type Props = {
  preview: PreviewStore;
  /** The decoded start frame. */
  image: HTMLImageElement;
  frame: Size;
  viewport: Viewport;
  view: Size;
};

/**
 * The moving picture, in a plain canvas laid exactly over the frame's place on the stage (under the
 * Konva stage, whose trajectory and UI layers stay on top and keep working). `data-preview-ready`
 * appears once the first frame is drawn; `data-t` is the motion time of the frame on screen.
 */
export function PreviewCanvas({ preview, image, frame, viewport, view }: Props) {
  const t = useTranslations("preview");
  const store = useEditorStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const player = useRef<PreviewPlayer | null>(null);
  const tailUrl = useEditor((s) => s.doc.frames.tail?.url ?? null);
  const tail = useHtmlImage(tailUrl);
  const rect = useMemo(() => canvasRect(viewport, frame, view), [viewport, frame, view]);

  // Layout effects: the first frame is drawn before the browser paints the switch to preview mode.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const created = createPreviewPlayer(canvas, store, preview);
    player.current = created;
    return () => {
      created.dispose();
      player.current = null;
    };
  }, [store, preview]);

  useLayoutEffect(() => {
    player.current?.update({ start: image, tail: tailUrl ? tail : null, frame, viewport, rect, dpr: window.devicePixelRatio || 1 });
  }, [image, tail, tailUrl, frame, viewport, rect]);

  return (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={t("frame")}
      data-testid="preview-canvas"
      className="pointer-events-none absolute"
      style={rect ? { left: rect.x, top: rect.y, width: rect.width, height: rect.height } : { display: "none" }}
    />
  );
}
