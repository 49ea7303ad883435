"use client";

import { useStore } from "zustand";
import { imageToStage } from "@/lib/geometry/transform";
import type { Size, Viewport } from "@/lib/geometry/types";
import { paintTarget, PAINT_TOOLS, targetColor, targetKey } from "@/lib/editor/target";
import type { ToolId } from "@/lib/editor/tools/types";
import { useEditor, useEditorShallow } from "../store-context";
import { useTargetName } from "../target-name";
import type { CanvasSignalStore } from "./canvas-signals";
import { BRUSH_TOOLS } from "./ui-layer";

type Props = { signals: CanvasSignalStore; tool: ToolId; brushSize: number; viewport: Viewport; view: Size };

/** Room the chip needs so it can flip to the other side of the pointer near the right and bottom edges. */
const CHIP_WIDTH = 150;
const CHIP_HEIGHT = 24;

/**
 * The paint target next to the pointer: a chip in the target's colour with its key and name, so what
 * a stroke will paint into is visible where the user looks. Hidden while panning (nothing is painted).
 */
export function CursorTarget({ signals, tool, brushSize, viewport, view }: Props) {
  const hover = useStore(signals, (s) => s.hover);
  const panning = useStore(signals, (s) => s.panning);
  const doc = useEditor((s) => s.doc);
  const target = useEditorShallow(paintTarget);
  const name = useTargetName();
  if (!hover || panning || !PAINT_TOOLS.has(tool)) return null;
  const at = imageToStage(hover, viewport);
  // Beside the ring (its radius on screen, capped so a huge brush keeps the chip near the pointer).
  const ring = BRUSH_TOOLS.has(tool) ? Math.min((brushSize / 2) * viewport.scale * Math.SQRT1_2, 48) : 0;
  const gap = ring + 12;
  const x = at.x + gap + CHIP_WIDTH > view.width ? at.x - gap - CHIP_WIDTH : at.x + gap;
  const y = at.y + gap + CHIP_HEIGHT > view.height ? at.y - gap - CHIP_HEIGHT : at.y + gap;
  const flipX = x < at.x;
  const color = targetColor(doc, target);
  return (
    <div
      aria-hidden
      data-testid="cursor-target"
      className={`pointer-events-none absolute top-0 left-0 flex w-[150px] ${flipX ? "justify-end" : "justify-start"}`}
      style={{ transform: `translate(${Math.round(x)}px, ${Math.round(y)}px)` }}
    >
      <span className="flex max-w-full items-center gap-1 rounded-md border border-white/15 bg-neutral-950/85 py-0.5 pr-1.5 pl-0.5 text-[11px] font-medium whitespace-nowrap text-neutral-100 shadow">
        <span
          className="flex h-4 min-w-4 items-center justify-center rounded px-0.5 font-mono text-[10px] font-bold text-neutral-950"
          style={{ background: target.kind === "new" ? "transparent" : color, border: target.kind === "new" ? `1px dashed ${color}` : undefined, color: target.kind === "new" ? color : undefined }}
        >
          {targetKey(doc, target)}
        </span>
        <span className="truncate">{name(doc, target)}</span>
      </span>
    </div>
  );
}
