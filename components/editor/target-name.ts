"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { EditorDocument } from "@/lib/editor/document";
import type { PaintTarget } from "@/lib/editor/target";

/** The words for a paint target, the same in the picker, at the cursor and in the regions list. */
export function useTargetName(): (doc: EditorDocument, target: PaintTarget) => string {
  const tr = useTranslations("regions");
  const tt = useTranslations("targets");
  return useCallback(
    (doc: EditorDocument, target: PaintTarget) => {
      if (target.kind === "static") return tr("staticMask");
      if (target.kind === "new") return tt("newRegion", { n: doc.regions.length + 1 });
      return tr("region", { n: target.index + 1 });
    },
    [tr, tt],
  );
}
