"use client";

import { Layers } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { toast } from "@/lib/browser/toast";
import { invertedStaticMask } from "@/lib/editor/invert-mask";
import { RangeField } from "@/components/ui/range-field";
import { MAX_MASK_OPACITY, MIN_MASK_OPACITY, setMaskOpacity, useMaskOpacity } from "./mask-opacity";
import { useEditor } from "./store-context";

/** "Make everything else static": one undoable step; greyed out with the reason when it cannot apply. */
export function InvertButton() {
  const t = useTranslations("regions.invert");
  const id = useId();
  const recipe = useEditor((s) => s.doc.recipe);
  const start = useEditor((s) => s.doc.frames.start);
  const setStaticMask = useEditor((s) => s.setStaticMask);
  const result = invertedStaticMask(recipe, start ? { width: start.width, height: start.height } : null);
  const refused = "refused" in result ? result.refused : null;
  return (
    <div>
      <button
        type="button"
        disabled={refused !== null}
        aria-describedby={refused ? id : undefined}
        onClick={() => {
          if (!("mask" in result)) return;
          setStaticMask(result.mask);
          toast.success(t("done"));
        }}
        className="flex w-full items-center justify-center gap-1.5 rounded-md border border-neutral-700 px-2 py-1.5 text-xs text-neutral-300 outline-none hover:border-neutral-500 hover:text-neutral-100 focus-visible:ring-2 focus-visible:ring-sky-400 disabled:cursor-not-allowed disabled:opacity-50"
      >
        <Layers className="size-3.5" aria-hidden />
        {t("button")}
      </button>
      {refused && refused !== "no-frame" && (
        <p id={id} className="mt-1 text-[11px] text-neutral-500">
          {t(`refused.${refused}`)}
        </p>
      )}
    </div>
  );
}

/** How strongly masks tint the image; remembered in this browser. */
export function MaskOpacityField() {
  const t = useTranslations("regions");
  const opacity = useMaskOpacity();
  const percent = Math.round(opacity * 100);
  return (
    <RangeField
      label={t("maskOpacity")}
      value={percent}
      min={Math.round(MIN_MASK_OPACITY * 100)}
      max={Math.round(MAX_MASK_OPACITY * 100)}
      display={`${percent} %`}
      onChange={(v) => setMaskOpacity(v / 100)}
    />
  );
}
