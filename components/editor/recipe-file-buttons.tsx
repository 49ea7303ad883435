"use client";

import { Download, Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "@/lib/browser/toast";
import { downloadRecipeFile } from "@/lib/browser/portable-file";
import { toRecipe } from "@/lib/editor/document";
import { PORTABLE_EXTENSION } from "@/lib/recipe/portable";
import { IconButton } from "@/components/ui/icon-button";
import { useEditorStore } from "./store-context";

/** Export the document as one `.motion.json` (images embedded) and import one back. */
export function RecipeFileButtons({ onImport }: { onImport: (file: File) => void }) {
  const store = useEditorStore();
  const input = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const t = useTranslations("recipeFile");
  const exportRecipe = () => {
    setExporting(true);
    downloadRecipeFile(toRecipe(store.getState().doc))
      .catch((error: Error) => toast.error(t("exportFailed", { message: error.message })))
      .finally(() => setExporting(false));
  };
  return (
    <>
      <IconButton label={t("export")} disabled={exporting} onClick={exportRecipe}>
        <Download className="size-4" aria-hidden />
      </IconButton>
      <IconButton label={t("import")} onClick={() => input.current?.click()}>
        <Upload className="size-4" aria-hidden />
      </IconButton>
      <input
        ref={input}
        type="file"
        accept={`${PORTABLE_EXTENSION},application/json`}
        aria-label={t("file")}
        className="sr-only"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) onImport(file);
        }}
      />
    </>
  );
}
