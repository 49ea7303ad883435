"use client";

import { useEffect, useRef } from "react";

/**
 * While `active`, Escape calls `onEscape` and goes no further: the listener sits on window in the
 * capture phase, ahead of the dialog's own (on document), so leaving an edit or a theatre view does
 * not also close the dialog or cancel the editor's gesture.
 */
export function useEscapeFirst(active: boolean, onEscape: () => void): void {
  const handler = useRef(onEscape);
  useEffect(() => {
    handler.current = onEscape;
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      event.preventDefault();
      handler.current();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [active]);
}
