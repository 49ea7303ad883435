"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { EASINGS, type Easing } from "@/lib/recipe/schema";
import { useEditor } from "./store-context";

/**
 * How the selected region's speed is spread along its path. Kling has no such setting: the points sent
 * upstream are spaced by it (a documented preview assumption), and the live preview plays it.
 */
export function RegionEasing() {
  const t = useTranslations("regions.easing");
  const id = useId();
  const index = useEditor((s) => (s.maskLayer === "region" ? s.selectedRegion : null));
  const easing = useEditor((s) => (index === null ? null : (s.doc.recipe.regions[index]?.easing ?? null)));
  const setEasing = useEditor((s) => s.setRegionEasing);
  if (index === null || easing === null) return null;
  return (
    <div className="rounded-md border border-neutral-800 bg-neutral-900/60 p-2">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-neutral-300">
        {t("label", { region: index + 1 })}
      </label>
      <select
        id={id}
        value={easing}
        onChange={(event) => setEasing(index, event.target.value as Easing)}
        className="w-full rounded-md border border-neutral-700 bg-neutral-950 px-2 py-1 text-xs text-neutral-100 outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        {EASINGS.map((value) => (
          <option key={value} value={value}>
            {t(`options.${value}`)}
          </option>
        ))}
      </select>
      <p className="mt-1 text-[11px] text-neutral-400">{t("note")}</p>
    </div>
  );
}
