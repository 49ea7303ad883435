"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
import { clampDock, defaultDockHeight, DOCK_STORAGE_KEY, dockBounds, readDockHeight, type DockBounds } from "@/lib/player/dock-size";

/** Same-tab writes do not fire "storage"; these listeners hear them. */
const writes = new Set<() => void>();

function subscribeStored(onChange: () => void): () => void {
  writes.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    writes.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(DOCK_STORAGE_KEY);
  } catch {
    // Storage can be switched off; the dock then simply starts at its default each time.
    return null;
  }
}

function subscribeViewport(onChange: () => void): () => void {
  window.addEventListener("resize", onChange);
  return () => window.removeEventListener("resize", onChange);
}

/** The server renders the dock closed, so its height there is only a placeholder. */
const SERVER_VIEWPORT = 800;

/**
 * The dock's height in pixels, remembered in localStorage. `preview` moves it while a drag is under
 * way (stored once, when the drag ends); `commit` stores a height at once (keys).
 */
export function useDockSize(): { height: number; bounds: DockBounds; preview: (height: number | null) => void; commit: (height: number) => void } {
  const stored = useSyncExternalStore(subscribeStored, readStored, () => null);
  const viewport = useSyncExternalStore(subscribeViewport, () => window.innerHeight, () => SERVER_VIEWPORT);
  const [live, setLive] = useState<number | null>(null);
  const bounds = dockBounds(viewport);
  const height = clampDock(live ?? readDockHeight(stored) ?? defaultDockHeight(viewport), bounds);

  const commit = useCallback((next: number) => {
    try {
      window.localStorage.setItem(DOCK_STORAGE_KEY, String(Math.round(next)));
    } catch {
      // Not remembered, still applied for this page.
    }
    writes.forEach((listener) => listener());
    setLive(null);
  }, []);

  return { height, bounds, preview: setLive, commit };
}
