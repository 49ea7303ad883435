"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "@/lib/browser/toast";
import { isRecipeFile } from "@/lib/browser/portable-file";
import { toRecipe } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";
import { BottomDock, type DockTab } from "./bottom-dock";
import type { CanvasController } from "./canvas/canvas-controller";
import { CanvasUploads, DropSurface, EmptyState } from "./drop-surface";
import { FrameUploadsProvider, useFrameUploads } from "./frame-uploads";
import { Header } from "./header";
import { useSubmit } from "./panels/use-submit";
import { PreviewControls } from "./preview/preview-controls";
import { usePreviewSession } from "./preview/use-preview-session";
import { documentForRetry } from "./reopen-recipe";
import { Sidebar } from "./sidebar";
import { EditorStoreProvider, useEditor, useEditorStore } from "./store-context";
import { ToolOptions } from "./tool-options";
import { Toolbar } from "./toolbar";
import { useAutosave } from "./use-autosave";
import { useFileIntake } from "./use-file-intake";
import { useOpenDocument } from "./use-open-document";
import { useOverlayInsets } from "./use-overlay-insets";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { ZoomControls } from "./zoom-controls";

// Loaded when first opened: the shortcuts list is not needed to start editing.
const HelpDialog = dynamic(() => import("./help-dialog").then((m) => m.HelpDialog), { ssr: false });

// Konva touches `window` on import: the canvas only ever renders in the browser.
const EditorCanvas = dynamic(() => import("./canvas/editor-canvas"), {
  ssr: false,
  loading: () => <div className="absolute inset-0 animate-pulse bg-neutral-900/40" aria-hidden />,
});

function EditorShell() {
  const store = useEditorStore();
  const controller = useRef<CanvasController | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  // Mounted on first use and kept, so its close animation and focus return work like any dialog's.
  const [helpOpened, setHelpOpened] = useState(false);
  if (helpOpen && !helpOpened) setHelpOpened(true);
  const [dock, setDock] = useState<{ tab: DockTab; open: boolean }>({ tab: "tasks", open: false });
  const hasStart = useEditor((s) => s.doc.frames.start !== null);
  const canvasArea = useRef<HTMLDivElement>(null);
  const insets = useOverlayInsets(canvasArea, hasStart);
  const intake = useFileIntake(hasStart);
  const uploads = useFrameUploads();
  const saveStatus = useAutosave(store);
  const generate = useRef<() => void>(() => {});
  const t = useTranslations();
  // Tools report notices as catalogue keys (e.g. tools.notices.noFrame).
  const onNotice = useCallback((key: string) => toast.info(t(key)), [t]);
  const preview = usePreviewSession();
  const { importFile } = useOpenDocument(store, saveStatus);
  // A dropped `.motion.json` opens as a document; images go to the frame slots.
  const offerFrame = intake.offer;
  const onFile = useCallback((file: File) => (isRecipeFile(file) ? importFile(file) : offerFrame(file)), [importFile, offerFrame]);

  const onSubmitted = useCallback(
    (taskId: string) => {
      store.getState().addTask(taskId);
      setDock({ tab: "tasks", open: true });
    },
    [store],
  );

  const onEditAndRetry = useCallback(
    (recipe: Recipe) => {
      documentForRetry(recipe, store.getState().doc.frames)
        .then((next) => {
          store.getState().replaceDocument(next);
          toast.success(t("recipeFile.openedTask"));
        })
        .catch(() => toast.error(t("recipeFile.retryFailed")));
    },
    [store, t],
  );

  useEditorShortcuts({ store, controller, preview, generate, toggleHelp: () => setHelpOpen((open) => !open) });

  return (
    <div className="flex h-dvh flex-col overflow-hidden bg-neutral-950 text-neutral-100">
      <Header saveStatus={saveStatus} onHelp={() => setHelpOpen(true)} onImport={importFile} />
      <div className="flex min-h-0 flex-1">
        <Toolbar />
        <main className="flex min-w-0 flex-1 flex-col" aria-label={t("editor.main")}>
          <DropSurface
            hasStart={hasStart}
            choosing={intake.choosing}
            onFile={onFile}
            onChoose={intake.route}
            onDismiss={intake.dismissChoice}
          >
            <CanvasUploads />
            {hasStart ? (
              <div ref={canvasArea} className="absolute inset-0">
                <EditorCanvas controllerRef={controller} onNotice={onNotice} preview={preview.preview} insets={insets} />
                {/* data-overlay: the fit keeps the image clear of these (useOverlayInsets). */}
                <div data-overlay="top" className="pointer-events-none absolute inset-x-0 top-2 z-10 flex justify-center px-3">
                  <ToolOptions />
                </div>
                <div data-overlay="bottom" className="pointer-events-none absolute bottom-3 left-3 z-10">
                  <ZoomControls controller={controller} />
                </div>
                <div data-overlay="bottom" className="pointer-events-none absolute inset-x-0 bottom-3 z-10 flex justify-center px-3">
                  <PreviewControls session={preview} />
                </div>
              </div>
            ) : (
              <EmptyState onFile={intake.offer} upload={uploads.start} />
            )}
          </DropSurface>
          <BottomDock
            tab={dock.tab}
            open={dock.open}
            onTab={(tab) => setDock((d) => ({ ...d, tab }))}
            onOpenChange={(open) => setDock((d) => ({ ...d, open }))}
            onEditAndRetry={onEditAndRetry}
          />
        </main>
        <Sidebar onSubmitted={onSubmitted} />
      </div>
      {helpOpened && <HelpDialog open={helpOpen} onOpenChange={setHelpOpen} />}
      <GenerateShortcut handleRef={generate} />
    </div>
  );
}

/**
 * Ctrl/Cmd+Enter submits through the same hook as the Generate button. Its own component, so only it
 * re-renders (and re-checks the recipe) when the document changes, not the whole shell.
 */
function GenerateShortcut({ handleRef }: { handleRef: React.RefObject<() => void> }) {
  // Not deferred: the shortcut must send exactly what is on screen, including the last stroke.
  const doc = useEditor((s) => s.doc);
  const recipe = useMemo(() => toRecipe(doc), [doc]);
  const { submit, issues } = useSubmit(recipe, doc.frames);
  const t = useTranslations("editor");
  useEffect(() => {
    handleRef.current = () => {
      if (issues.length === 0) return void submit();
      toast.warning(t("notReady", { count: issues.length }));
    };
  }, [handleRef, issues, submit, t]);
  return null;
}

/** The whole motion editor: one store, one page. */
export function Editor() {
  return (
    <EditorStoreProvider>
      <FrameUploadsProvider>
        <EditorShell />
      </FrameUploadsProvider>
    </EditorStoreProvider>
  );
}
