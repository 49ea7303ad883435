"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { isTypingTarget } from "@/lib/editor/actions";
import type { FrameKind } from "@/lib/editor/document";
import { useFrameUploads } from "./frame-uploads";

/**
 * Files dropped on the canvas or pasted: with no start frame they go to the start frame's upload;
 * otherwise the user chooses start or tail. The slots' upload flows (frame-uploads.tsx) do the
 * checking and uploading, and remember the file came in on the canvas.
 */
export function useFileIntake(hasStart: boolean) {
  const uploads = useFrameUploads();
  const [choosing, setChoosing] = useState<File | null>(null);
  const hasStartRef = useRef(hasStart);
  useEffect(() => {
    hasStartRef.current = hasStart;
  }, [hasStart]);

  // Through a ref: the upload objects change with every progress tick; the paste listener need not.
  const uploadsRef = useRef(uploads);
  useEffect(() => {
    uploadsRef.current = uploads;
  }, [uploads]);
  const route = useCallback((kind: FrameKind, file: File) => {
    setChoosing(null);
    void uploadsRef.current[kind].accept(file, "canvas");
  }, []);

  const offer = useCallback(
    (file: File) => {
      if (hasStartRef.current) setChoosing(file);
      else route("start", file);
    },
    [route],
  );

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

  return { offer, choosing, route, dismissChoice: () => setChoosing(null) };
}

/** The first image among dropped files (or the first file, so the slot can say why it is refused). */
export function droppedFile(data: DataTransfer): File | null {
  const files = Array.from(data.files);
  return files.find((f) => f.type.startsWith("image/")) ?? files[0] ?? null;
}
