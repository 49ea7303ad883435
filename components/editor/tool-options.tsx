"use client";

import { useTranslations } from "next-intl";
import { MAX_TRAJECTORY_POINTS } from "@/lib/geometry/trajectory";
import { PAINT_TOOLS } from "@/lib/editor/target";
import { BRUSH_MAX, BRUSH_MIN, TOLERANCE_MAX, TOLERANCE_MIN } from "@/lib/editor/store";
import type { ToolId } from "@/lib/editor/tools/types";
import { RangeField } from "@/components/ui/range-field";
import { useEditor } from "./store-context";
import { TargetPicker } from "./target-picker";

/** Brush sizes span 1–1024 px; a logarithmic slider gives small brushes the room they need. */
const LOG_MAX = Math.log(BRUSH_MAX);
const toSlider = (size: number) => Math.round((Math.log(Math.max(BRUSH_MIN, size)) / LOG_MAX) * 1000);
const fromSlider = (v: number) => Math.round(Math.exp((v / 1000) * LOG_MAX));

/** Tools with a one-line hint (catalogue `tools.hints.*`). */
const HINTED: ReadonlySet<ToolId> = new Set<ToolId>(["lasso", "smart-select", "trajectory", "hand"]);

/** The strip above the canvas: what the active tool paints into (the target picker) and its settings. */
export function ToolOptions() {
  const t = useTranslations("tools");
  const tr = useTranslations("regions");
  const tool = useEditor((s) => s.tool);
  const brushSize = useEditor((s) => s.brushSize);
  const tolerance = useEditor((s) => s.tolerance);
  const setBrushSize = useEditor((s) => s.setBrushSize);
  const setTolerance = useEditor((s) => s.setTolerance);
  const selected = useEditor((s) => s.selectedRegion);
  const meta = useEditor((s) => (s.selectedRegion === null ? null : (s.doc.regions[s.selectedRegion] ?? null)));
  const points = useEditor((s) => (s.selectedRegion === null ? 0 : (s.doc.recipe.regions[s.selectedRegion]?.trajectory.length ?? 0)));

  const brushLike = tool === "static-brush" || tool === "dynamic-brush" || tool === "eraser";
  const pathName = selected !== null ? tr("region", { n: selected + 1 }) : tr("newRegion");

  return (
    <div className="pointer-events-auto flex h-10 max-w-full items-center gap-4 overflow-x-auto rounded-lg border border-neutral-800 bg-neutral-900/90 px-3 text-xs text-neutral-300 shadow-lg shadow-black/30 backdrop-blur">
      {PAINT_TOOLS.has(tool) && <TargetPicker />}
      {tool === "trajectory" && (
        <span className="flex shrink-0 items-center gap-1.5" aria-live="polite">
          <span className="text-neutral-500">{t("pathOf")}</span>
          <span className="size-2.5 rounded-full ring-1 ring-white/20" style={{ background: meta?.color ?? "#737373" }} aria-hidden />
          <span className="font-medium text-neutral-100">{pathName}</span>
        </span>
      )}
      {brushLike && (
        <RangeField
          label={t("brushSize")}
          value={toSlider(brushSize)}
          min={0}
          max={1000}
          display={t("pixels", { size: String(brushSize) })}
          onChange={(v) => setBrushSize(fromSlider(v))}
        />
      )}
      {tool === "smart-select" && (
        <RangeField label={t("tolerance")} value={tolerance} min={TOLERANCE_MIN} max={TOLERANCE_MAX} display={`${tolerance}`} onChange={setTolerance} />
      )}
      {tool === "trajectory" && selected !== null && (
        <span className="shrink-0 font-mono tabular-nums text-neutral-100" aria-label={t("trajectoryPoints", { count: String(points), max: String(MAX_TRAJECTORY_POINTS) })}>
          {points} / {MAX_TRAJECTORY_POINTS}
        </span>
      )}
      {HINTED.has(tool) && <span className="hidden shrink truncate text-neutral-500 lg:inline">{t(`hints.${tool}`)}</span>}
    </div>
  );
}
