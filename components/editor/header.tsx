"use client";

import { CircleQuestionMark, Clapperboard, Redo2, Undo2, LibraryBig } from "lucide-react";
import { useTranslations } from "next-intl";
import { shortcutLabel } from "@/lib/editor/actions";
import { canRedo, canUndo } from "@/lib/editor/store";
import { IconButton } from "@/components/ui/icon-button";
import Link from "next/link";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { RecipeFileButtons } from "./recipe-file-buttons";
import { useEditor } from "./store-context";
import type { AutosaveStatus } from "./use-autosave";
import { useIsApple } from "./use-platform";

export function Header({ saveStatus, onHelp, onImport }: { saveStatus: AutosaveStatus; onHelp: () => void; onImport: (file: File) => void }) {
  const t = useTranslations("header");
  const undoable = useEditor(canUndo);
  const redoable = useEditor(canRedo);
  const undo = useEditor((s) => s.undo);
  const redo = useEditor((s) => s.redo);
  const apple = useIsApple();
  return (
    <header className="flex h-11 shrink-0 items-center gap-3 border-b border-neutral-800 bg-neutral-925 px-3">
      <div className="flex items-center gap-2">
        <span className="flex size-6 items-center justify-center rounded-md bg-gradient-to-br from-sky-400 to-violet-500 text-neutral-950" aria-hidden>
          <Clapperboard className="size-3.5" />
        </span>
        <h1 className="text-sm font-semibold tracking-tight">Motion Studio</h1>
      </div>
      <span className={`hidden text-xs sm:inline ${saveStatus === "error" ? "text-red-300" : "text-neutral-400"}`} role="status">
        {t(`save.${saveStatus}`)}
      </span>
      <div className="ml-auto flex items-center gap-0.5">
        <IconButton label={t("undo")} shortcut={shortcutLabel("undo", apple)} disabled={!undoable} onClick={undo}>
          <Undo2 className="size-4" aria-hidden />
        </IconButton>
        <IconButton label={t("redo")} shortcut={shortcutLabel("redo", apple)} disabled={!redoable} onClick={redo}>
          <Redo2 className="size-4" aria-hidden />
        </IconButton>
        <div className="mx-1.5 h-5 w-px bg-neutral-800" aria-hidden />
        <RecipeFileButtons onImport={onImport} />
        <Link
          href="/library"
          className="mx-1 inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-xs font-medium text-neutral-300 outline-none hover:bg-neutral-800 hover:text-neutral-50 focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          <LibraryBig className="size-4" aria-hidden />
          {t("library")}
        </Link>
        <div className="mx-1.5 h-5 w-px bg-neutral-800" aria-hidden />
        <div className="mr-1">
          <LanguageSwitch />
        </div>
        <IconButton label={t("shortcuts")} shortcut="?" onClick={onHelp}>
          <CircleQuestionMark className="size-4" aria-hidden />
        </IconButton>
      </div>
    </header>
  );
}
