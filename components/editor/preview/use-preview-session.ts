"use client";

import { useCallback, useEffect, useState } from "react";
import { frameCountFor } from "@/lib/editor/preview/playback";
import { createPreviewStore, previewTool, worksInPreview, type PreviewStore } from "@/lib/editor/preview/store";
import type { ToolId } from "@/lib/editor/tools/types";
import { useEditorStore } from "../store-context";

export type PreviewSession = { preview: PreviewStore; toggle(): void; close(): void };

/**
 * Owns the preview store and keeps it consistent with the editor: preview mode holds the trajectory
 * (or hand) tool, since masks are hidden; picking a painting tool leaves it; so does losing the start
 * frame; the clip length follows the duration setting. The tool in use before is given back on leaving.
 */
export function usePreviewSession(): PreviewSession {
  const store = useEditorStore();
  const [preview] = useState(createPreviewStore);

  useEffect(() => {
    let before: { tool: ToolId; replacedBy: ToolId } | null = null;
    const stopPreview = preview.subscribe((state, previous) => {
      if (state.active === previous.active) return;
      const editor = store.getState();
      if (state.active) {
        const tool = previewTool(editor.tool);
        before = tool === editor.tool ? null : { tool: editor.tool, replacedBy: tool };
        if (before) editor.setTool(tool);
      } else {
        if (before && editor.tool === before.replacedBy) editor.setTool(before.tool);
        before = null;
      }
    });
    const stopEditor = store.subscribe((state, previous) => {
      if (!preview.getState().active) return;
      if (state.tool !== previous.tool && !worksInPreview(state.tool)) {
        before = null;
        preview.getState().close();
      } else if (!state.doc.frames.start) {
        preview.getState().close();
      } else if (state.doc.recipe.duration !== previous.doc.recipe.duration) {
        preview.getState().setFrames(frameCountFor(Number(state.doc.recipe.duration)));
      }
    });
    return () => {
      stopPreview();
      stopEditor();
    };
  }, [preview, store]);

  const toggle = useCallback(() => {
    const { doc } = store.getState();
    if (preview.getState().active) preview.getState().close();
    else if (doc.frames.start) preview.getState().open(frameCountFor(Number(doc.recipe.duration)));
  }, [preview, store]);

  const close = useCallback(() => preview.getState().close(), [preview]);

  return { preview, toggle, close };
}
