"use client";

import { useId, useRef, useState, type DragEvent } from "react";
import { AlertTriangle, RefreshCw, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { FrameKind, FrameRef, Size } from "@/lib/editor/document";
import { sameSize } from "@/lib/editor/image-fix";
import { useFrameUploads } from "../frame-uploads";
import { FrameStatus } from "./frame-status";
import { FrameThumb } from "./frame-thumb";
import type { UploadState } from "./use-frame-upload";

export type FrameSlotProps = {
  kind: FrameKind;
  frame: FrameRef | null;
  /** The start frame's size, for a tail slot: a tail of another size is fitted to it. */
  fitTo: Size | null;
  onChange: (frame: FrameRef | null) => void;
};

function firstImage(event: DragEvent): File | null {
  return Array.from(event.dataTransfer.files).find((file) => file.type.startsWith("image/")) ?? event.dataTransfer.files[0] ?? null;
}

const iconButton = "rounded p-1 text-neutral-400 hover:bg-neutral-800";

/** One frame of the right column: a drop target and file input, its picture, and the upload's verdict. */
export function FrameSlot({ kind, frame, fitTo, onChange }: FrameSlotProps) {
  const t = useTranslations("frames");
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragOver, setDragOver] = useState(false);
  const upload = useFrameUploads()[kind];
  const { state } = upload;
  const title = t(`title.${kind}`);
  // An upload's verdict only describes the frame while that frame is still the slot's (undo may swap it).
  const shown: UploadState = state.phase === "done" && frame?.assetId !== state.asset.id ? { phase: "idle" } : state;

  return (
    // No accessible name on the container: "Start frame" / "Tail frame" must name the file input alone.
    <div
      className={`rounded-lg border bg-neutral-900/60 p-2 transition-colors ${dragOver ? "border-sky-400 bg-sky-400/5" : "border-neutral-800"}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragOver(false);
        const file = firstImage(e);
        if (file) void upload.accept(file, "slot");
      }}
    >
      <div className="mb-1.5 flex items-center justify-between gap-2 px-0.5">
        <h3 className="text-xs font-medium text-neutral-200">{title}</h3>
        {frame && (
          <div className="flex items-center gap-0.5">
            <button type="button" aria-label={t(`replaceLabel.${kind}`)} title={t("replace")} onClick={() => inputRef.current?.click()} className={`${iconButton} hover:text-neutral-100`}>
              <RefreshCw className="size-3.5" aria-hidden />
            </button>
            <button
              type="button"
              aria-label={t(`removeLabel.${kind}`)}
              title={t("remove")}
              onClick={() => {
                upload.reset();
                onChange(null);
              }}
              className={`${iconButton} hover:text-red-300`}
            >
              <Trash2 className="size-3.5" aria-hidden />
            </button>
          </div>
        )}
      </div>

      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept="image/*"
        aria-label={title}
        className="peer sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void upload.accept(file, "slot");
        }}
      />
      <label
        htmlFor={inputId}
        className="relative flex aspect-video cursor-pointer items-center justify-center overflow-hidden rounded-md border border-dashed border-neutral-700 bg-[repeating-conic-gradient(#1f1f23_0_25%,#17171a_0_50%)] bg-[length:16px_16px] peer-focus-visible:outline-2 peer-focus-visible:outline-sky-400 hover:border-neutral-500"
      >
        <FrameThumb kind={kind} frame={frame} state={shown} />
      </label>

      <FrameStatus upload={upload} state={shown} frame={frame} kind={kind} className="mt-1.5 px-0.5" />
      {kind === "tail" && frame && fitTo && !sameSize(frame, fitTo) && state.phase !== "uploading" && <SizeMismatch frame={frame} fitTo={fitTo} onRefit={upload.accept} />}
    </div>
  );
}

type MismatchProps = { frame: FrameRef; fitTo: Size; onRefit: (file: Blob, origin: "slot", name: string) => Promise<void> };

/** A tail frame of another size than the start frame, with the one-click refit. */
function SizeMismatch({ frame, fitTo, onRefit }: MismatchProps) {
  const t = useTranslations("frames");
  const refit = async () => {
    const blob = await fetch(frame.url).then((r) => r.blob());
    void onRefit(blob, "slot", "tail-frame");
  };
  return (
    <div className="mt-1.5 flex items-start gap-1.5 text-xs text-amber-300">
      <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
      <span>
        {t("mismatch", { tailWidth: String(frame.width), tailHeight: String(frame.height), startWidth: String(fitTo.width), startHeight: String(fitTo.height) })}{" "}
        <button type="button" className="underline underline-offset-2 hover:text-amber-200" onClick={() => void refit()}>
          {t("fitToStart")}
        </button>
      </span>
    </div>
  );
}
