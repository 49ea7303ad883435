"use client";

import { useCallback, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { toast } from "@/lib/browser/toast";
import { loadRemoteDocument, withoutRemoteParams } from "@/lib/browser/remote-document";
import { readRecipeFile } from "@/lib/browser/portable-file";
import { documentFromRecipe, type Frames } from "@/lib/editor/document";
import type { EditorStore } from "@/lib/editor/store";
import type { Recipe } from "@/lib/recipe/schema";
import type { AutosaveStatus } from "./use-autosave";

/**
 * Every way a whole document arrives from outside (a remix link, a library task, a `.motion.json`
 * file) ends the same way: it replaces the open document as one undoable step.
 */
export function useOpenDocument(store: EditorStore, saveStatus: AutosaveStatus) {
  const t = useTranslations("recipeFile");
  // Read through a ref: the remote document opens once, and a language change must not reopen it.
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);
  const open = useCallback(
    (recipe: Recipe, frames: Frames, message: string) => {
      store.getState().replaceDocument(documentFromRecipe(recipe, frames));
      toast.success(message);
    },
    [store],
  );

  // `/?remix=<slug>` and `/?task=<id>`, once, after the saved draft was restored (so undo returns to it).
  const remoteOpened = useRef(false);
  useEffect(() => {
    if (saveStatus === "restoring" || remoteOpened.current) return;
    remoteOpened.current = true;
    loadRemoteDocument(window.location.search)
      .then((remote) => {
        if (!remote) return;
        window.history.replaceState(null, "", withoutRemoteParams(window.location.href));
        const message = tRef.current(remote.kind === "remix" ? "openedRemix" : "openedTask");
        open(remote.recipe, remote.frames, message);
      })
      .catch((error: Error) => toast.error(tRef.current("openFailed", { message: error.message })));
  }, [saveStatus, open]);

  const importFile = useCallback(
    (file: File) => {
      readRecipeFile(file)
        .then(({ recipe, frames }) => open(recipe, frames, t("openedFile", { name: file.name })))
        .catch((error: Error) => toast.error(error.message));
    },
    [open, t],
  );

  return { importFile };
}
