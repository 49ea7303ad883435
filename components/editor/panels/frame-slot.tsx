"use client";

import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import Image from "next/image";
import { Progress } from "radix-ui";
import { AlertTriangle, CheckCircle2, ImagePlus, Loader2, Maximize2, RefreshCw, Scaling, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { readyVerdict } from "@/lib/text/format";
import { frameNoteText, problemText, uploadErrorText } from "@/lib/text/frame-text";
import { useTranslator } from "@/lib/browser/use-translator";
import type { FrameKind, FrameRef, Size } from "@/lib/editor/document";
import { formatAspect, sameSize } from "@/lib/editor/image-fix";
import { MIN_IMAGE_SIDE } from "@/lib/kling/contract";
import { CropDialog } from "./crop-dialog";
import { useFrameUpload, type UploadState } from "./use-frame-upload";
import { useObjectUrl } from "./use-object-url";

export type FrameSlotProps = {
  kind: FrameKind;
  frame: FrameRef | null;
  /** The start frame's size, for a tail slot: a tail of another size is fitted to it. */
  fitTo: Size | null;
  /** A file dropped or pasted on the canvas for this slot; goes through the same checks. */
  incomingFile: File | null;
  onIncomingHandled: () => void;
  onChange: (frame: FrameRef | null) => void;
};

function firstImage(event: DragEvent): File | null {
  return Array.from(event.dataTransfer.files).find((file) => file.type.startsWith("image/")) ?? event.dataTransfer.files[0] ?? null;
}

export function FrameSlot({ kind, frame, fitTo, incomingFile, onIncomingHandled, onChange }: FrameSlotProps) {
  const t = useTranslations("frames");
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragOver, setDragOver] = useState(false);
  const [cropOpen, setCropOpen] = useState(false);
  const { state, accept, applyFix, reset } = useFrameUpload(kind === "tail" ? fitTo : null, onChange);

  const handledRef = useRef(onIncomingHandled);
  useEffect(() => {
    handledRef.current = onIncomingHandled;
  }, [onIncomingHandled]);
  // The same File must never be taken twice, whatever re-renders happen before the parent clears it.
  const takenRef = useRef<File | null>(null);
  useEffect(() => {
    if (!incomingFile || takenRef.current === incomingFile) return;
    takenRef.current = incomingFile;
    handledRef.current();
    void accept(incomingFile);
  }, [incomingFile, accept]);

  const title = t(`title.${kind}`);
  // An upload's verdict only describes the frame while that frame is still the slot's (undo may swap it).
  const shown: UploadState = state.phase === "done" && frame?.assetId !== state.asset.id ? { phase: "idle" } : state;
  // While a new image is checked, fixed or uploaded, the slot shows it rather than the frame it replaces.
  const pendingUrl = useObjectUrl("file" in shown ? shown.file : null);
  const busy = state.phase === "checking" || state.phase === "preparing" || state.phase === "uploading";
  const mismatched = kind === "tail" && frame && fitTo && !sameSize(frame, fitTo);

  const refit = async () => {
    if (!frame) return;
    const blob = await fetch(frame.url).then((r) => r.blob());
    void accept(blob, "tail-frame");
  };

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
        if (file) void accept(file);
      }}
    >
      <div className="mb-1.5 flex items-center justify-between gap-2 px-0.5">
        <h3 className="text-xs font-medium text-neutral-200">
          {title}
        </h3>
        {frame && (
          <div className="flex items-center gap-0.5">
            <button
              type="button"
              aria-label={t(`replaceLabel.${kind}`)}
              title={t("replace")}
              onClick={() => inputRef.current?.click()}
              className="rounded p-1 text-neutral-400 hover:bg-neutral-800 hover:text-neutral-100"
            >
              <RefreshCw className="size-3.5" aria-hidden />
            </button>
            <button
              type="button"
              aria-label={t(`removeLabel.${kind}`)}
              title={t("remove")}
              onClick={() => {
                reset();
                onChange(null);
              }}
              className="rounded p-1 text-neutral-400 hover:bg-neutral-800 hover:text-red-300"
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
          if (file) void accept(file);
        }}
      />
      <label
        htmlFor={inputId}
        className="relative flex aspect-video cursor-pointer items-center justify-center overflow-hidden rounded-md border border-dashed border-neutral-700 bg-[repeating-conic-gradient(#1f1f23_0_25%,#17171a_0_50%)] bg-[length:16px_16px] peer-focus-visible:outline-2 peer-focus-visible:outline-sky-400 hover:border-neutral-500"
      >
        {pendingUrl ? (
          // A local blob: URL; next/image has nothing to optimise there.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={pendingUrl} alt="" className={`size-full object-contain ${state.phase === "needs-fix" ? "opacity-60" : ""}`} />
        ) : frame ? (
          <Image
            src={frame.url}
            alt=""
            width={frame.width}
            height={frame.height}
            unoptimized
            className="size-full object-contain"
          />
        ) : (
          <span className="flex flex-col items-center gap-1 px-3 text-center text-xs text-neutral-400">
            <ImagePlus className="size-5 text-neutral-500" aria-hidden />
            <span>{t("choose")}</span>
            <span className="text-[11px] text-neutral-500">{t(`hint.${kind}`)}</span>
          </span>
        )}
        {busy && (
          <span className="absolute inset-0 flex items-center justify-center bg-neutral-950/60">
            <Loader2 className="size-5 animate-spin text-neutral-200" aria-hidden />
          </span>
        )}
      </label>

      <SlotStatus
        state={shown}
        frame={frame}
        kind={kind}
        onFix={() => (state.phase === "needs-fix" && state.crop ? setCropOpen(true) : void applyFix(null))}
        onDismiss={reset}
      />

      {mismatched && state.phase !== "uploading" && (
        <div className="mt-1.5 flex items-start gap-1.5 text-xs text-amber-300">
          <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          <span>
            {t("mismatch", {
              tailWidth: String(frame.width),
              tailHeight: String(frame.height),
              startWidth: String(fitTo.width),
              startHeight: String(fitTo.height),
            })}{" "}
            <button type="button" className="underline underline-offset-2 hover:text-amber-200" onClick={() => void refit()}>
              {t("fitToStart")}
            </button>
          </span>
        </div>
      )}

      {state.phase === "needs-fix" && state.crop && (
        <CropDialog
          key={state.name}
          open={cropOpen}
          file={state.file}
          size={state.size}
          initialCrop={state.crop}
          onCancel={() => setCropOpen(false)}
          onConfirm={(crop) => {
            setCropOpen(false);
            void applyFix(crop);
          }}
        />
      )}
    </div>
  );
}

type SlotStatusProps = { state: UploadState; frame: FrameRef | null; kind: FrameKind; onFix: () => void; onDismiss: () => void };

/** The verdict line under the thumbnail: progress, the server's word, or the fix on offer. */
function SlotStatus({ state, frame, kind, onFix, onDismiss }: SlotStatusProps) {
  const t = useTranslations("frames");
  const tc = useTranslations("common");
  const tr = useTranslator();
  const line = "mt-1.5 flex items-start gap-1.5 px-0.5 text-xs";
  switch (state.phase) {
    case "checking":
      return <p className={`${line} text-neutral-400`} role="status">{t("checking", { name: state.name })}</p>;
    case "preparing":
      return <p className={`${line} text-neutral-400`} role="status">{(state.note && frameNoteText(state.note, tr)) || t("preparing")}</p>;
    case "uploading": {
      const uploading = t("uploading", { percent: String(Math.round(state.progress * 100)) });
      return (
        <div className="mt-1.5 space-y-1 px-0.5" role="status">
          <Progress.Root
            value={Math.round(state.progress * 100)}
            aria-label={t(`uploadingLabel.${kind}`)}
            className="h-1 overflow-hidden rounded-full bg-neutral-800"
          >
            <Progress.Indicator className="h-full bg-sky-400 transition-[width]" style={{ width: `${state.progress * 100}%` }} />
          </Progress.Root>
          <p className="text-xs text-neutral-400">{state.note ? t("withNote", { text: uploading, note: frameNoteText(state.note, tr) }) : uploading}</p>
        </div>
      );
    }
    case "error":
      return (
        <p className={`${line} text-red-300`} role="alert">
          <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          <span>
            {uploadErrorText(state.error, tr)}{" "}
            <button type="button" className="text-neutral-400 underline underline-offset-2 hover:text-neutral-200" onClick={onDismiss}>
              {tc("dismiss")}
            </button>
          </span>
        </p>
      );
    case "needs-fix":
      return (
        <div className={`${line} flex-col text-amber-300`} role="alert">
          {state.problems.map((problem) => (
            <p key={problem.kind} className="flex items-start gap-1.5">
              <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
              <span>{problemText(problem, state.size, tr)}</span>
            </p>
          ))}
          <div className="flex flex-wrap gap-1.5">
            <button
              type="button"
              onClick={onFix}
              className="inline-flex items-center gap-1 rounded-md bg-amber-400 px-2 py-1 font-medium text-neutral-950 hover:bg-amber-300"
            >
              {state.crop ? <Maximize2 className="size-3.5" aria-hidden /> : <Scaling className="size-3.5" aria-hidden />}
              {state.crop ? t("cropTo", { aspect: formatAspect(state.crop) }) : t("upscaleTo", { min: String(MIN_IMAGE_SIDE) })}
            </button>
            <button type="button" onClick={onDismiss} className="rounded-md px-2 py-1 text-neutral-400 hover:bg-neutral-800 hover:text-neutral-200">
              {tc("cancel")}
            </button>
          </div>
        </div>
      );
    case "done":
      return (
        <p className={`${line} text-emerald-300`} role="status">
          <CheckCircle2 className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          <span>
            {readyVerdict(state.asset, state.asset, tr)}
            {state.note && <span className="block text-neutral-400">{frameNoteText(state.note, tr)}</span>}
          </span>
        </p>
      );
    case "idle":
      return frame ? (
        <p className={`${line} text-emerald-300`}>
          <CheckCircle2 className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          <span>{readyVerdict(frame, undefined, tr)}</span>
        </p>
      ) : null;
  }
}
