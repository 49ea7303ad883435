"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { toast } from "@/lib/browser/toast";
import { canAddRegion } from "@/lib/editor/document";
import type { EditorStore } from "@/lib/editor/store";
import { targetForKey } from "@/lib/editor/target";
import type { CanvasController } from "./canvas/canvas-controller";
import type { PreviewSession } from "./preview/use-preview-session";
import { useShortcuts } from "./use-shortcuts";

export type EditorShortcutsOptions = {
  store: EditorStore;
  controller: RefObject<CanvasController | null>;
  preview: PreviewSession;
  generate: RefObject<() => void>;
  toggleHelp: () => void;
};

/** The editor's keyboard actions: tools, targets, brush size, history, zoom, preview, help and generate. */
export function useEditorShortcuts({ store, controller, preview, generate, toggleHelp }: EditorShortcutsOptions) {
  const t = useTranslations();
  const s = () => store.getState();
  const pickRegionKey = (digit: number) => {
    const doc = s().doc;
    const target = targetForKey(doc, digit);
    if (target) return s().setTarget(target);
    toast.info(canAddRegion(doc) ? t("targets.noRegionKey", { n: digit, next: doc.regions.length + 1 }) : t("targets.full"));
  };
  useShortcuts({
    "tool:static-brush": () => s().setTool("static-brush"),
    "tool:dynamic-brush": () => s().setTool("dynamic-brush"),
    "tool:eraser": () => s().setTool("eraser"),
    "tool:lasso": () => s().setTool("lasso"),
    "tool:smart-select": () => s().setTool("smart-select"),
    "tool:trajectory": () => s().setTool("trajectory"),
    "tool:hand": () => s().setTool("hand"),
    "target:static": () => s().setTarget({ kind: "static" }),
    "target:region": (e) => pickRegionKey(Number(e.key)),
    "brush:smaller": () => s().stepBrushSize(-1),
    "brush:larger": () => s().stepBrushSize(1),
    undo: () => s().undo(),
    redo: () => s().redo(),
    "point:delete": () => s().deleteSelectedPoint(),
    cancel: () => {
      controller.current?.cancelGesture();
      preview.close();
    },
    "zoom:fit": () => controller.current?.fit(),
    "zoom:actual": () => controller.current?.actualSize(),
    "zoom:in": () => controller.current?.zoomIn(),
    "zoom:out": () => controller.current?.zoomOut(),
    preview: preview.toggle,
    help: toggleHelp,
    generate: () => generate.current(),
  });
}
