"use client";

import { AlertTriangle, CheckCircle2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { readyVerdict } from "@/lib/text/format";
import { frameNoteText, uploadErrorText } from "@/lib/text/frame-text";
import { useTranslator } from "@/lib/browser/use-translator";
import type { FrameKind, FrameRef } from "@/lib/editor/document";
import type { FrameUpload } from "../frame-uploads";
import { FixOffer } from "./frame-fix";
import type { UploadState } from "./use-frame-upload";

type Props = { upload: FrameUpload; state: UploadState; frame: FrameRef | null; kind: FrameKind; className?: string };

const line = "flex items-start gap-1.5 text-xs";

/** The verdict line of an upload: progress, the server's word, the fix on offer, or the frame's readiness. */
export function FrameStatus({ upload, state, frame, kind, className = "" }: Props) {
  const t = useTranslations("frames");
  const tc = useTranslations("common");
  const tr = useTranslator();
  switch (state.phase) {
    case "checking":
      return <p className={`${line} text-neutral-400 ${className}`} role="status">{t("checking", { name: state.name })}</p>;
    case "preparing":
      return <p className={`${line} text-neutral-400 ${className}`} role="status">{(state.note && frameNoteText(state.note, tr)) || t("preparing")}</p>;
    case "uploading": {
      const uploading = t("uploading", { percent: String(Math.round(state.progress * 100)) });
      return (
        <div className={`space-y-1 ${className}`} role="status">
          <div
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(state.progress * 100)}
            aria-label={t(`uploadingLabel.${kind}`)}
            className="h-1 overflow-hidden rounded-full bg-neutral-800"
          >
            <div className="h-full bg-sky-400 transition-[width]" style={{ width: `${state.progress * 100}%` }} />
          </div>
          <p className="text-xs text-neutral-400">{state.note ? t("withNote", { text: uploading, note: frameNoteText(state.note, tr) }) : uploading}</p>
        </div>
      );
    }
    case "error":
      return (
        <p className={`${line} text-red-300 ${className}`} role="alert">
          <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          <span>
            {uploadErrorText(state.error, tr)}{" "}
            <button type="button" className="text-neutral-400 underline underline-offset-2 hover:text-neutral-200" onClick={upload.reset}>
              {tc("dismiss")}
            </button>
          </span>
        </p>
      );
    case "needs-fix":
      return <FixOffer upload={upload} state={state} className={className} />;
    case "done":
      return (
        <p className={`${line} text-emerald-300 ${className}`} role="status">
          <CheckCircle2 className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          <span>
            {readyVerdict(state.asset, state.asset, tr)}
            {state.note && <span className="block text-neutral-400">{frameNoteText(state.note, tr)}</span>}
          </span>
        </p>
      );
    case "idle":
      return frame ? (
        <p className={`${line} text-emerald-300 ${className}`}>
          <CheckCircle2 className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          <span>{readyVerdict(frame, undefined, tr)}</span>
        </p>
      ) : null;
  }
}
