"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { FrameKind, FrameRef, Size } from "@/lib/editor/document";
import type { Rect } from "@/lib/editor/image-fix";
import { useFrameUpload, type UploadState } from "./panels/use-frame-upload";
import { useEditor } from "./store-context";

/**
 * Both frame slots' upload flows, owned above the sidebar and the canvas: a file dropped on the canvas
 * is checked, fixed and uploaded by the same flow as one dropped on its slot, and its progress, fix
 * offer and errors show where it was dropped as well as in the slot.
 */

/** Where the file came in: its slot in the right column, or the canvas area (drop zone, paste, chooser). */
export type UploadOrigin = "slot" | "canvas";

export type FrameUpload = {
  kind: FrameKind;
  state: UploadState;
  origin: UploadOrigin;
  accept: (file: Blob, origin: UploadOrigin, name?: string) => Promise<void>;
  applyFix: (crop: Rect | null) => Promise<void>;
  reset: () => void;
};

const UploadsContext = createContext<Record<FrameKind, FrameUpload> | null>(null);

function useSlotUpload(kind: FrameKind, fitTo: Size | null): FrameUpload {
  const setFrame = useEditor((s) => s.setFrame);
  const onUploaded = useCallback((frame: FrameRef) => setFrame(kind, frame), [setFrame, kind]);
  const { state, accept, applyFix, reset } = useFrameUpload(fitTo, onUploaded);
  const [origin, setOrigin] = useState<UploadOrigin>("slot");
  const acceptFrom = useCallback(
    (file: Blob, from: UploadOrigin, name?: string) => {
      setOrigin(from);
      return accept(file, name);
    },
    [accept],
  );
  return useMemo(() => ({ kind, state, origin, accept: acceptFrom, applyFix, reset }), [kind, state, origin, acceptFrom, applyFix, reset]);
}

export function FrameUploadsProvider({ children }: { children: ReactNode }) {
  const start = useEditor((s) => s.doc.frames.start);
  const fitTail = useMemo(() => (start ? { width: start.width, height: start.height } : null), [start]);
  const startUpload = useSlotUpload("start", null);
  const tailUpload = useSlotUpload("tail", fitTail);
  const value = useMemo(() => ({ start: startUpload, tail: tailUpload }), [startUpload, tailUpload]);
  return <UploadsContext.Provider value={value}>{children}</UploadsContext.Provider>;
}

export function useFrameUploads(): Record<FrameKind, FrameUpload> {
  const uploads = useContext(UploadsContext);
  if (!uploads) throw new Error("useFrameUploads must be used inside <FrameUploadsProvider>");
  return uploads;
}
