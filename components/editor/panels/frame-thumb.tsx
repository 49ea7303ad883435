"use client";

import Image from "next/image";
import { ImagePlus, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { FrameKind, FrameRef } from "@/lib/editor/document";
import type { UploadState } from "./use-frame-upload";
import { useObjectUrl } from "./use-object-url";

type Props = { kind: FrameKind; frame: FrameRef | null; state: UploadState };

/** Whether an upload is at work (a spinner over the picture). */
export function isBusy(state: UploadState): boolean {
  return state.phase === "checking" || state.phase === "preparing" || state.phase === "uploading";
}

/** The image a new upload is about (checked, waiting for a fix, uploading, just sent), or null. */
export function pendingFile(state: UploadState): Blob | null {
  return "file" in state ? state.file : null;
}

/**
 * A slot's picture: while a new image is checked, fixed or uploaded, that image rather than the frame
 * it replaces (dimmed while it waits for a fix); else the frame, or the empty slot's hint.
 */
export function FrameThumb({ kind, frame, state }: Props) {
  const t = useTranslations("frames");
  const pendingUrl = useObjectUrl(pendingFile(state));
  return (
    <>
      {pendingUrl ? (
        // A local blob: URL; next/image has nothing to optimise there.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={pendingUrl} alt="" className={`size-full object-contain ${state.phase === "needs-fix" ? "opacity-60" : ""}`} />
      ) : frame ? (
        <Image src={frame.url} alt="" width={frame.width} height={frame.height} unoptimized className="size-full object-contain" />
      ) : (
        <span className="flex flex-col items-center gap-1 px-3 text-center text-xs text-neutral-400">
          <ImagePlus className="size-5 text-neutral-500" aria-hidden />
          <span>{t("choose")}</span>
          <span className="text-[11px] text-neutral-500">{t(`hint.${kind}`)}</span>
        </span>
      )}
      {isBusy(state) && (
        <span className="absolute inset-0 flex items-center justify-center bg-neutral-950/60">
          <Loader2 className="size-5 animate-spin text-neutral-200" aria-hidden />
        </span>
      )}
    </>
  );
}
