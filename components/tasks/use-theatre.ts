"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useEscapeFirst } from "@/components/ui/use-escape-first";

export type ViewMode = "inline" | "theatre" | "fullscreen";
export type BigView = ReturnType<typeof useTheatre>["view"];

/**
 * The player's big views. Full screen uses the Fullscreen API on the player's own element (the same
 * video keeps playing, nothing reloads); where the API is missing or refused (an iframe without
 * permission, some mobile browsers) the theatre view fills the window instead. Escape leaves either.
 */
export function useTheatre() {
  const root = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<ViewMode>("inline");

  useEffect(() => {
    const onChange = () => setMode((current) => (document.fullscreenElement === root.current && root.current ? "fullscreen" : current === "fullscreen" ? "inline" : current));
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  const close = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    setMode("inline");
  }, []);
  // The browser leaves full screen on Escape itself; this also covers the theatre view, and a browser
  // whose Escape reaches the page first.
  useEscapeFirst(mode !== "inline", close);

  const openTheatre = useCallback(() => setMode("theatre"), []);
  const openFullscreen = useCallback(async () => {
    const element = root.current;
    if (!element || !document.fullscreenEnabled) return setMode("theatre");
    try {
      await element.requestFullscreen();
      setMode("fullscreen");
    } catch {
      setMode("theatre");
    }
  }, []);

  // The ref apart from the state: render reads the state, only the element takes the ref.
  return { root, view: { mode, big: mode !== "inline", openTheatre, openFullscreen, close } };
}
