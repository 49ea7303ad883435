"use client";

import { useEffect } from "react";

type Entry = { url: string; users: number };
const entries = new Map<Blob, Entry>();

function entryFor(blob: Blob): Entry {
  let entry = entries.get(blob);
  if (!entry) {
    entry = { url: URL.createObjectURL(blob), users: 0 };
    entries.set(blob, entry);
  }
  return entry;
}

/**
 * A blob: URL for a local file while some component shows it, revoked once none does. Counted per
 * blob and released a microtask late, so StrictMode's mount-unmount-mount cannot revoke a URL that
 * is still on screen.
 */
export function useObjectUrl(blob: Blob | null): string | null {
  const url = blob ? entryFor(blob).url : null;
  useEffect(() => {
    if (!blob) return;
    const entry = entryFor(blob);
    entry.users += 1;
    return () => {
      entry.users -= 1;
      queueMicrotask(() => {
        if (entry.users > 0 || entries.get(blob) !== entry) return;
        URL.revokeObjectURL(entry.url);
        entries.delete(blob);
      });
    };
  }, [blob]);
  return url;
}
