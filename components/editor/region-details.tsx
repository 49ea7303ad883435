"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { MAX_REGION_NAME_LENGTH, type PathCurve } from "@/lib/recipe/schema";
import { IconButton } from "@/components/ui/icon-button";
import { Segmented } from "./panels/segmented";
import { RegionEasing } from "./region-easing";
import { useEditor } from "./store-context";

/**
 * The selected region's own settings, under the list: its name (shown in the list, the target picker
 * and on the canvas), its place in the order, how its path is drawn (straight or smooth) and its speed.
 */
export function RegionDetails() {
  const t = useTranslations("regions");
  const id = useId();
  const index = useEditor((s) => (s.maskLayer === "region" ? s.selectedRegion : null));
  const region = useEditor((s) => (index === null ? null : (s.doc.recipe.regions[index] ?? null)));
  const count = useEditor((s) => s.doc.recipe.regions.length);
  const rename = useEditor((s) => s.renameRegion);
  const setCurve = useEditor((s) => s.setRegionCurve);
  const move = useEditor((s) => s.moveRegion);
  const breakCoalescing = useEditor((s) => s.breakCoalescing);
  if (index === null || !region) return null;
  const fallback = t("region", { n: index + 1 });
  return (
    <div className="space-y-2 rounded-md border border-neutral-800 bg-neutral-900/60 p-2" data-testid="region-details">
      <div className="flex items-end gap-1">
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-name`} className="mb-1 block text-xs font-medium text-neutral-300">
            {t("nameLabel", { n: index + 1 })}
          </label>
          <input
            id={`${id}-name`}
            value={region.name}
            maxLength={MAX_REGION_NAME_LENGTH}
            placeholder={fallback}
            onChange={(e) => rename(index, e.target.value)}
            onBlur={(e) => {
              rename(index, e.target.value.trim());
              breakCoalescing();
            }}
            className="w-full rounded-md border border-neutral-700 bg-neutral-950 px-2 py-1 text-xs text-neutral-100 outline-none placeholder:text-neutral-500 focus-visible:ring-2 focus-visible:ring-sky-400"
          />
        </div>
        <IconButton size="sm" label={t("moveUp")} tooltipSide="top" disabled={index === 0} onClick={() => move(index, index - 1)}>
          <ArrowUp className="size-3.5" aria-hidden />
        </IconButton>
        <IconButton size="sm" label={t("moveDown")} tooltipSide="top" disabled={index >= count - 1} onClick={() => move(index, index + 1)}>
          <ArrowDown className="size-3.5" aria-hidden />
        </IconButton>
      </div>
      <Segmented<PathCurve>
        label={t("curve.label")}
        value={region.curve}
        onChange={(curve) => setCurve(index, curve)}
        options={[
          { value: "smooth", label: t("curve.smooth"), hint: t("curve.smoothHint") },
          { value: "straight", label: t("curve.straight"), hint: t("curve.straightHint") },
        ]}
      />
      <RegionEasing />
    </div>
  );
}
