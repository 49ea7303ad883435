"use client";

import { ImagePlus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import type { FrameKind } from "@/lib/editor/document";
import { useFrameUploads, type FrameUpload } from "./frame-uploads";
import { FrameStatus } from "./panels/frame-status";
import { FrameThumb, pendingFile } from "./panels/frame-thumb";
import { useEditor } from "./store-context";
import { droppedFile } from "./use-file-intake";

/**
 * (The chooser says "First/Last frame", not "Start/Tail frame": those exact names belong to the
 * slots' file inputs, which tests find by name.)
 *
 * The canvas area as a drop target, the empty state's big drop zone, and the "start or tail?" chooser
 * shown when an image arrives while a start frame is already there.
 */

type Props = {
  hasStart: boolean;
  choosing: File | null;
  onFile: (file: File) => void;
  onChoose: (kind: FrameKind, file: File) => void;
  onDismiss: () => void;
  children: ReactNode;
};

export function DropSurface({ hasStart, choosing, onFile, onChoose, onDismiss, children }: Props) {
  const t = useTranslations("drop");
  const tc = useTranslations("common");
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  return (
    <div
      data-dragging={over}
      className="group/drop relative min-h-0 flex-1 overflow-hidden bg-[radial-gradient(circle_at_1px_1px,rgba(255,255,255,0.05)_1px,transparent_0)] [background-size:20px_20px]"
      onDragEnter={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const file = droppedFile(e.dataTransfer);
        if (file) onFile(file);
      }}
    >
      {children}
      {/* Over the canvas only: the empty state's own drop zone lights up and says it in place of its text. */}
      {over && hasStart && (
        <div className="pointer-events-none absolute inset-3 z-20 flex items-center justify-center rounded-xl border-2 border-dashed border-sky-400 bg-neutral-950/80 text-sm font-medium text-sky-200">
          {t("overWithStart")}
        </div>
      )}
      {choosing && (
        <div className="absolute inset-0 z-30 flex items-center justify-center bg-black/50 backdrop-blur-[1px]">
          <div role="dialog" aria-modal="false" aria-labelledby="drop-choice-title" className="w-72 rounded-xl border border-neutral-700 bg-neutral-900 p-4 shadow-2xl">
            <div className="mb-3 flex items-start justify-between gap-2">
              <h2 id="drop-choice-title" className="text-sm font-semibold">
                {t("useAs", { name: choosing.name || t("pastedImage") })}
              </h2>
              <button type="button" aria-label={tc("cancel")} onClick={onDismiss} className="rounded p-0.5 text-neutral-400 hover:bg-neutral-800 hover:text-neutral-100">
                <X className="size-4" aria-hidden />
              </button>
            </div>
            <div className="grid grid-cols-2 gap-2">
              <button type="button" autoFocus onClick={() => onChoose("start", choosing)} className="rounded-lg border border-neutral-700 px-3 py-2 text-sm hover:border-sky-400 hover:bg-sky-400/10 focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none">
                {t("first")}
                <span className="block text-[11px] text-neutral-400">{t("firstHint")}</span>
              </button>
              <button type="button" onClick={() => onChoose("tail", choosing)} className="rounded-lg border border-neutral-700 px-3 py-2 text-sm hover:border-sky-400 hover:bg-sky-400/10 focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none">
                {t("last")}
                <span className="block text-[11px] text-neutral-400">{t("lastHint")}</span>
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

/** Shown instead of the canvas until there is a start frame; an image dropped here is checked and fixed here. */
export function EmptyState({ onFile, upload }: { onFile: (file: File) => void; upload: FrameUpload }) {
  const t = useTranslations("drop");
  const input = useRef<HTMLInputElement>(null);
  const active = upload.origin === "canvas" && upload.state.phase !== "idle" && upload.state.phase !== "done" ? upload.state : null;
  const pending = active ? pendingFile(active) : null;
  return (
    <div className="absolute inset-0 flex items-center justify-center overflow-y-auto p-6">
      <div
        role="region"
        aria-label={t("zone")}
        className="flex w-full max-w-md flex-col items-center gap-3 rounded-2xl border-2 border-dashed border-neutral-700 bg-neutral-900/40 px-8 py-10 text-center transition-colors group-data-[dragging=true]/drop:border-sky-400 group-data-[dragging=true]/drop:bg-sky-400/10"
      >
        {pending ? (
          <span className="relative flex h-40 w-full items-center justify-center overflow-hidden rounded-lg">
            <FrameThumb kind="start" frame={null} state={active!} />
          </span>
        ) : (
          <span className="flex size-12 items-center justify-center rounded-full bg-sky-400/10 text-sky-300">
            <ImagePlus className="size-6" aria-hidden />
          </span>
        )}
        <p className="text-base font-medium text-neutral-100 group-data-[dragging=true]/drop:hidden">{t("emptyTitle")}</p>
        <p className="hidden text-base font-medium text-sky-200 group-data-[dragging=true]/drop:block">{t("overEmpty")}</p>
        {active ? (
          <FrameStatus upload={upload} state={active} frame={null} kind="start" className="w-full justify-center text-left" />
        ) : (
          <p className="text-xs text-neutral-400">{t("emptyRules")}</p>
        )}
        <button
          type="button"
          onClick={() => input.current?.click()}
          className="mt-2 rounded-lg bg-neutral-100 px-4 py-2 text-sm font-medium text-neutral-950 hover:bg-white focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none"
        >
          {t("choose")}
        </button>
        {/* Goes through the start frame's upload like a drop, so there is one upload path (and one "Start frame" input). */}
        <input
          ref={input}
          type="file"
          accept="image/*"
          tabIndex={-1}
          aria-hidden
          className="hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            e.target.value = "";
          }}
        />
      </div>
    </div>
  );
}

/**
 * An image dropped or pasted on the canvas for a slot, while it is checked, waits for a fix, uploads or
 * fails: shown on the canvas where it was dropped, not only in the right column.
 */
export function CanvasUploads() {
  const uploads = useFrameUploads();
  const t = useTranslations("frames");
  // Without a start frame, the empty state's drop zone shows the start frame's upload itself.
  const hasStart = useEditor((s) => s.doc.frames.start !== null);
  const active = [...(hasStart ? [uploads.start] : []), uploads.tail].filter(
    (upload) => upload.origin === "canvas" && upload.state.phase !== "idle" && upload.state.phase !== "done",
  );
  if (active.length === 0) return null;
  return (
    <div className="pointer-events-none absolute top-14 right-3 z-20 flex w-72 flex-col gap-2">
      {active.map((upload) => (
        <section key={upload.kind} aria-label={t(`dropped.${upload.kind}`)} className="pointer-events-auto space-y-2 rounded-lg border border-neutral-700 bg-neutral-900/95 p-2.5 shadow-xl">
          <h3 className="text-xs font-medium text-neutral-200">{t(`dropped.${upload.kind}`)}</h3>
          {pendingFile(upload.state) && (
            <span className="relative flex h-32 items-center justify-center overflow-hidden rounded-md bg-neutral-950">
              <FrameThumb kind={upload.kind} frame={null} state={upload.state} />
            </span>
          )}
          <FrameStatus upload={upload} state={upload.state} frame={null} kind={upload.kind} />
        </section>
      ))}
    </div>
  );
}
