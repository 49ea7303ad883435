"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { isTypingTarget } from "@/lib/editor/actions";
import type { FrameKind } from "@/lib/editor/document";

/**
 * Files dropped on the canvas or pasted: with no start frame they go to the start slot; otherwise the
 * user chooses start or tail. The slots do the checking and uploading (`incomingFile`).
 */
export function useFileIntake(hasStart: boolean) {
  const [incoming, setIncoming] = useState<Record<FrameKind, File | null>>({ start: null, tail: null });
  const [choosing, setChoosing] = useState<File | null>(null);
  const hasStartRef = useRef(hasStart);
  useEffect(() => {
    hasStartRef.current = hasStart;
  }, [hasStart]);

  const route = useCallback((kind: FrameKind, file: File) => {
    setChoosing(null);
    setIncoming((s) => ({ ...s, [kind]: file }));
  }, []);

  const offer = useCallback(
    (file: File) => {
      if (hasStartRef.current) setChoosing(file);
      else route("start", file);
    },
    [route],
  );

  const handled = useCallback((kind: FrameKind) => setIncoming((s) => (s[kind] ? { ...s, [kind]: null } : s)), []);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target instanceof HTMLElement ? e.target : null)) return;
      const file = Array.from(e.clipboardData?.files ?? []).find((f) => f.type.startsWith("image/"));
      if (!file) return;
      e.preventDefault();
      offer(file);
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [offer]);

  return { incoming, handled, offer, choosing, route, dismissChoice: () => setChoosing(null) };
}

/** The first image among dropped files (or the first file, so the slot can say why it is refused). */
export function droppedFile(data: DataTransfer): File | null {
  const files = Array.from(data.files);
  return files.find((f) => f.type.startsWith("image/")) ?? files[0] ?? null;
}
