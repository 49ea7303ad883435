"use client";

import { MAX_TRAJECTORY_POINTS } from "@/lib/geometry/trajectory";
import { regionLabel, STATIC_MASK_COLOR } from "@/lib/editor/document";
import { BRUSH_MAX, BRUSH_MIN, TOLERANCE_MAX, TOLERANCE_MIN } from "@/lib/editor/store";
import type { ToolId } from "@/lib/editor/tools/types";
import { RangeField } from "@/components/ui/range-field";
import { useEditor } from "./store-context";

/** Brush sizes span 1–1024 px; a logarithmic slider gives small brushes the room they need. */
const LOG_MAX = Math.log(BRUSH_MAX);
const toSlider = (size: number) => Math.round((Math.log(Math.max(BRUSH_MIN, size)) / LOG_MAX) * 1000);
const fromSlider = (v: number) => Math.round(Math.exp((v / 1000) * LOG_MAX));

const HINTS: Partial<Record<ToolId, string>> = {
  lasso: "Draw around an area to fill it · Alt cuts it out",
  "smart-select": "Click a spot to select similar colours around it · Alt cuts out",
  trajectory: "Drag to draw a path · click to add points · drag a point to move it · Alt-click deletes",
  hand: "Drag to pan · wheel to zoom",
};

/** The strip above the canvas: what the active tool paints into and its settings. */
export function ToolOptions() {
  const tool = useEditor((s) => s.tool);
  const brushSize = useEditor((s) => s.brushSize);
  const tolerance = useEditor((s) => s.tolerance);
  const setBrushSize = useEditor((s) => s.setBrushSize);
  const setTolerance = useEditor((s) => s.setTolerance);
  const maskLayer = useEditor((s) => s.maskLayer);
  const selected = useEditor((s) => s.selectedRegion);
  const meta = useEditor((s) => (s.selectedRegion === null ? null : (s.doc.regions[s.selectedRegion] ?? null)));
  const points = useEditor((s) => (s.selectedRegion === null ? 0 : (s.doc.recipe.regions[s.selectedRegion]?.trajectory.length ?? 0)));

  const brushLike = tool === "static-brush" || tool === "dynamic-brush" || tool === "eraser";
  const paintsStatic = tool === "static-brush" || (tool !== "dynamic-brush" && tool !== "trajectory" && maskLayer === "static");
  const showsTarget = tool !== "hand";
  const targetName = paintsStatic ? "Static mask" : selected !== null ? regionLabel(selected) : "New region";
  const targetColor = paintsStatic ? STATIC_MASK_COLOR : (meta?.color ?? "#737373");

  return (
    <div className="pointer-events-auto flex h-10 max-w-full items-center gap-4 overflow-x-auto rounded-lg border border-neutral-800 bg-neutral-900/90 px-3 text-xs text-neutral-300 shadow-lg shadow-black/30 backdrop-blur">
      {showsTarget && (
        <span className="flex shrink-0 items-center gap-1.5" aria-live="polite">
          <span className="text-neutral-500">{tool === "eraser" ? "Erasing" : tool === "trajectory" ? "Path of" : "Into"}</span>
          <span className="size-2.5 rounded-full ring-1 ring-white/20" style={{ background: targetColor }} aria-hidden />
          <span className="font-medium text-neutral-100">{targetName}</span>
        </span>
      )}
      {brushLike && (
        <RangeField
          label="Brush size"
          value={toSlider(brushSize)}
          min={0}
          max={1000}
          display={`${brushSize} px`}
          onChange={(v) => setBrushSize(fromSlider(v))}
        />
      )}
      {tool === "smart-select" && (
        <RangeField label="Tolerance" value={tolerance} min={TOLERANCE_MIN} max={TOLERANCE_MAX} display={`${tolerance}`} onChange={setTolerance} />
      )}
      {tool === "trajectory" && selected !== null && (
        <span className="shrink-0 font-mono tabular-nums text-neutral-100" aria-label={`${points} of ${MAX_TRAJECTORY_POINTS} trajectory points`}>
          {points} / {MAX_TRAJECTORY_POINTS}
        </span>
      )}
      {HINTS[tool] && <span className="hidden shrink truncate text-neutral-500 lg:inline">{HINTS[tool]}</span>}
    </div>
  );
}
