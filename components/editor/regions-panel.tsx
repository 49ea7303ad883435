"use client";

import { Eraser, Eye, EyeOff, Plus, Trash, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { MAX_TRAJECTORY_POINTS } from "@/lib/geometry/trajectory";
import { maskShapes, regionIssue, STATIC_MASK_COLOR, type RegionMeta, type Size } from "@/lib/editor/document";
import { isEmptyMask, MAX_REGIONS, type Region } from "@/lib/recipe/schema";
import { IconButton } from "@/components/ui/icon-button";
import { useEditor, useEditorShallow } from "./store-context";
import { RegionEasing } from "./region-easing";

/**
 * The layer list: the static mask and up to six regions. Each entry's main button is named exactly
 * "Region N" in English (tests rely on it); its state is in the description, its actions in a
 * labelled group.
 */

function Swatch({ color, hatched = false }: { color: string; hatched?: boolean }) {
  return (
    <span
      aria-hidden
      className="size-3.5 shrink-0 rounded-sm ring-1 ring-white/25"
      style={{
        background: hatched ? `repeating-linear-gradient(135deg, ${color} 0 3px, #0f172a 3px 5px)` : color,
      }}
    />
  );
}

const rowClass =
  "group flex items-center gap-1 rounded-md border px-1.5 py-1 transition-colors data-[selected=true]:border-sky-400/60 data-[selected=true]:bg-sky-400/10 border-transparent hover:bg-neutral-800/60";

type RowProps = { index: number; region: Region; meta: RegionMeta; selected: boolean; hint: boolean; frame: Size | null };

function RegionRow({ index, region, meta, selected, hint, frame }: RowProps) {
  const t = useTranslations("regions");
  const id = useId();
  const select = useEditor((s) => s.selectRegion);
  const toggle = useEditor((s) => s.toggleRegionVisible);
  const clear = useEditor((s) => s.clearRegion);
  const remove = useEditor((s) => s.deleteRegion);
  const label = t("region", { n: index + 1 });
  const issue = regionIssue(region, frame);
  const painted = issue !== "nothing-painted" && issue !== "empty";
  const hasShapes = !isEmptyMask(region.mask);
  const points = region.trajectory.length;
  const status = t("status", { painted: String(painted), points, max: MAX_TRAJECTORY_POINTS });
  const issueText = issue ? t(`issues.${issue}`) : null;

  return (
    <li>
      <div role="group" aria-label={label} data-selected={selected} data-fix={`region-${index}`} className={rowClass}>
      <button
        type="button"
        aria-label={label}
        aria-pressed={selected}
        aria-describedby={`${id}-status`}
        onClick={() => select(index)}
        className="flex min-w-0 flex-1 items-center gap-2 rounded px-1 py-0.5 text-left text-sm outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        <Swatch color={meta.color} />
        <span className={`truncate ${meta.visible ? "text-neutral-100" : "text-neutral-500 line-through"}`}>{label}</span>
        <span className="ml-auto shrink-0 font-mono text-[11px] tabular-nums text-neutral-400" aria-hidden>
          {points} / {MAX_TRAJECTORY_POINTS}
        </span>
      </button>
      <span id={`${id}-status`} className="sr-only">
        {issueText ? t("statusWithIssue", { status, issue: issueText }) : status}
      </span>
      <IconButton size="sm" label={meta.visible ? t("hide") : t("show")} tooltipSide="top" onClick={() => toggle(index)}>
        {meta.visible ? <Eye className="size-3.5" aria-hidden /> : <EyeOff className="size-3.5" aria-hidden />}
      </IconButton>
      <IconButton size="sm" label={t("clear")} tooltipSide="top" disabled={!hasShapes && points === 0} onClick={() => clear(index)}>
        <Eraser className="size-3.5" aria-hidden />
      </IconButton>
      <IconButton size="sm" label={t("delete")} tooltipSide="top" onClick={() => remove(index)} className="hover:text-red-300">
        <Trash className="size-3.5" aria-hidden />
      </IconButton>
      </div>
      {issueText && issue !== "empty" && <Flag text={issueText} />}
      {issue === "empty" && hint && <p className="pl-8 text-[11px] text-neutral-500">{t("emptyHint")}</p>}
    </li>
  );
}

function Flag({ text }: { text: string }) {
  return (
    <p className="flex items-center gap-1 pl-8 text-[11px] text-amber-300">
      <TriangleAlert className="size-3 shrink-0" aria-hidden />
      {text}
    </p>
  );
}

export function RegionsPanel() {
  const t = useTranslations("regions");
  const regions = useEditor((s) => s.doc.recipe.regions);
  const metas = useEditor((s) => s.doc.regions);
  const { selectedRegion, maskLayer } = useEditorShallow((s) => ({ selectedRegion: s.selectedRegion, maskLayer: s.maskLayer }));
  const staticMask = useEditor((s) => s.doc.recipe.staticMask);
  const staticVisible = useEditor((s) => s.doc.staticVisible);
  const { addRegion, selectStatic, toggleStaticVisible, clearStatic } = useEditorShallow((s) => ({
    addRegion: s.addRegion,
    selectStatic: s.selectStatic,
    toggleStaticVisible: s.toggleStaticVisible,
    clearStatic: s.clearStatic,
  }));
  const full = regions.length >= MAX_REGIONS;
  const staticShapes = maskShapes(staticMask).length;
  const reasonId = useId();
  const start = useEditor((s) => s.doc.frames.start);
  const frame = start ? { width: start.width, height: start.height } : null;

  return (
    <div className="space-y-2">
      <ul className="space-y-0.5" aria-label={t("masks")}>
        <li>
          <div role="group" aria-label={t("staticMask")} data-selected={maskLayer === "static"} data-fix="static-mask" className={rowClass}>
            <button
              type="button"
              aria-label={t("staticMask")}
              aria-pressed={maskLayer === "static"}
              onClick={selectStatic}
              className="flex min-w-0 flex-1 items-center gap-2 rounded px-1 py-0.5 text-left text-sm outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
            >
              <Swatch color={STATIC_MASK_COLOR} hatched />
              <span className={`truncate ${staticVisible ? "text-neutral-100" : "text-neutral-500 line-through"}`}>{t("staticMask")}</span>
              <span className="ml-auto shrink-0 whitespace-nowrap text-[11px] text-neutral-400">{isEmptyMask(staticMask) ? t("empty") : t("painted")}</span>
            </button>
            <IconButton size="sm" label={staticVisible ? t("hide") : t("show")} tooltipSide="top" onClick={toggleStaticVisible}>
              {staticVisible ? <Eye className="size-3.5" aria-hidden /> : <EyeOff className="size-3.5" aria-hidden />}
            </IconButton>
            <IconButton size="sm" label={t("clear")} tooltipSide="top" disabled={staticShapes === 0} onClick={clearStatic}>
              <Eraser className="size-3.5" aria-hidden />
            </IconButton>
          </div>
        </li>
        {regions.map((region, i) => {
          const meta = metas[i];
          if (!meta) return null;
          const selected = i === selectedRegion && maskLayer === "region";
          return <RegionRow key={meta.id} index={i} region={region} meta={meta} selected={selected} hint={i === selectedRegion} frame={frame} />;
        })}
      </ul>
      <button
        type="button"
        data-fix="regions"
        onClick={addRegion}
        disabled={full}
        aria-describedby={full ? reasonId : undefined}
        className="flex w-full items-center justify-center gap-1.5 rounded-md border border-dashed border-neutral-700 px-2 py-1.5 text-xs text-neutral-300 outline-none hover:border-neutral-500 hover:text-neutral-100 focus-visible:ring-2 focus-visible:ring-sky-400 disabled:cursor-not-allowed disabled:opacity-50"
      >
        <Plus className="size-3.5" aria-hidden />
        {t("add")}
      </button>
      {full && (
        <p id={reasonId} className="text-[11px] text-neutral-500">
          {t("full", { max: MAX_REGIONS })}
        </p>
      )}
      <RegionEasing />
    </div>
  );
}
