"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { createEditorStore, type EditorActions, type EditorState, type EditorStore } from "@/lib/editor/store";

/** One store per editor instance, handed down by context so tests or a second editor get their own. */

const StoreContext = createContext<EditorStore | null>(null);

export function EditorStoreProvider({ children, store }: { children: ReactNode; store?: EditorStore }) {
  const [value] = useState(() => store ?? createEditorStore());
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

export function useEditorStore(): EditorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useEditorStore must be used inside <EditorStoreProvider>");
  return store;
}

type Full = EditorState & EditorActions;

/** Subscribes to one slice; re-renders only when that slice changes (by reference). */
export function useEditor<T>(selector: (state: Full) => T): T {
  return useStore(useEditorStore(), selector);
}

/** Like useEditor, for selectors that build a small object or array each time. */
export function useEditorShallow<T>(selector: (state: Full) => T): T {
  return useStore(useEditorStore(), useShallow(selector));
}
