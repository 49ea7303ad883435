"use client";

import { createStore, del, get, keys, set } from "idb-keyval";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toast } from "@/lib/browser/toast";
import { uploadAsset } from "@/lib/browser/api";
import { joinList } from "@/lib/text/translator";
import { useTranslator } from "@/lib/browser/use-translator";
import { AUTOSAVE_DELAY_MS, debounce, loadDraft, restoreFrames, saveDraft, type DraftLoad, type KeyValueStore } from "@/lib/editor/autosave";
import type { EditorStore } from "@/lib/editor/store";

/** idb-keyval in its own database, so nothing else on the origin can collide with the draft. */
function browserStore(): KeyValueStore {
  const db = createStore("motion-studio", "drafts");
  return {
    get: (key) => get(key, db),
    set: (key, value) => set(key, value, db),
    del: (key) => del(key, db),
    keys: () => keys(db),
  };
}

async function fetchBlob(url: string): Promise<Blob | null> {
  const response = await fetch(url).catch(() => null);
  return response?.ok ? response.blob() : null;
}

async function assetExists(url: string): Promise<boolean> {
  const response = await fetch(url, { method: "HEAD" }).catch(() => null);
  // A network failure is not proof the asset is gone; only a clear 404/410 triggers a re-upload.
  return !response || (response.status !== 404 && response.status !== 410);
}

export type AutosaveStatus = "restoring" | "idle" | "saving" | "saved" | "error";

/**
 * Restores the draft once on mount, then saves the document (and frame images) debounced after
 * every change and immediately when the page is hidden. Saving starts only after restoring, so an
 * empty first render never overwrites a saved draft.
 */
export function useAutosave(store: EditorStore): AutosaveStatus {
  const [status, setStatus] = useState<AutosaveStatus>("restoring");
  const t = useTranslations("autosave");
  const tr = useTranslator();
  // The restore runs once per store; a ref gives it the current language without re-running it.
  const words = useRef({ t, tr });
  useEffect(() => {
    words.current = { t, tr };
  }, [t, tr]);

  useEffect(() => {
    if (typeof indexedDB === "undefined") return;
    const kv = browserStore();
    let alive = true;
    let unsubscribe = () => {};

    // A change not yet written: the status says "Saving…" from the change itself, not only once the
    // debounced write starts, so "saved" is never shown over work a reload would lose.
    let unsaved = false;
    const save = debounce(() => {
      const { doc, taskIds } = store.getState();
      unsaved = false;
      saveDraft({ doc, taskIds }, { store: kv, fetchBlob })
        .then(() => alive && !unsaved && setStatus("saved"))
        .catch(() => alive && setStatus("error"));
    }, AUTOSAVE_DELAY_MS);
    const onHide = () => document.visibilityState === "hidden" && save.flush();

    (async () => {
      const { draft, problem } = await loadDraft(kv).catch((): DraftLoad => ({ draft: null }));
      if (!alive) return;
      if (problem) toast.warning(words.current.t(problem.reason === "newer" ? "newerDraft" : "unreadableDraft"));
      if (draft) {
        const outcome = await restoreFrames(draft.doc, {
          store: kv,
          assetExists,
          upload: async (blob, kind) => {
            const asset = await uploadAsset(blob, undefined, { filename: `${kind}-frame.png` });
            return { assetId: asset.id, width: asset.width, height: asset.height, url: asset.url };
          },
        });
        if (!alive) return;
        // Only if the user has not started something new while we were reading storage.
        if (store.getState().history.past.length === 0) {
          store.getState().replaceDocument(outcome.doc, { resetHistory: true });
          store.getState().setTasks(draft.taskIds);
        }
        const { t: say, tr: list } = words.current;
        if (outcome.reuploaded.length > 0) toast.info(say("reuploaded"));
        if (outcome.lost.length > 0) toast.warning(say("lost", { frames: joinList(outcome.lost.map((kind) => say(`frames.${kind}`)), "and", list) }));
      }
      setStatus("idle");
      unsubscribe = store.subscribe((state, prev) => {
        if (state.doc === prev.doc && state.taskIds === prev.taskIds) return;
        unsaved = true;
        setStatus("saving");
        save.schedule();
      });
      document.addEventListener("visibilitychange", onHide);
    })();

    return () => {
      alive = false;
      save.flush();
      unsubscribe();
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [store]);

  return status;
}
