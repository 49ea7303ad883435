"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { AlertTriangle, Maximize2, Scaling } from "lucide-react";
import { useTranslations } from "next-intl";
import { problemText } from "@/lib/text/frame-text";
import { useTranslator } from "@/lib/browser/use-translator";
import { formatAspect } from "@/lib/editor/image-fix";
import { MIN_IMAGE_SIDE } from "@/lib/kling/contract";
import type { FrameUpload } from "../frame-uploads";
import type { UploadState } from "./use-frame-upload";

// Only an image of the wrong aspect needs it, and only once its fix is clicked.
const CropDialog = dynamic(() => import("./crop-dialog").then((m) => m.CropDialog), { ssr: false });

type Props = { upload: FrameUpload; state: Extract<UploadState, { phase: "needs-fix" }>; className?: string };

/**
 * What is wrong with an image and the one-click fix (crop, with a dialog to place the box, or upscale).
 * Shown in the slot and, for an image dropped on the canvas, on the canvas too: each place opens its own dialog.
 */
export function FixOffer({ upload, state, className = "" }: Props) {
  const t = useTranslations("frames");
  const tc = useTranslations("common");
  const tr = useTranslator();
  const [cropOpen, setCropOpen] = useState(false);
  return (
    <div className={`flex flex-col items-start gap-1.5 text-xs text-amber-300 ${className}`} role="alert">
      {state.problems.map((problem) => (
        <p key={problem.kind} className="flex items-start gap-1.5">
          <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          <span>{problemText(problem, state.size, tr)}</span>
        </p>
      ))}
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          onClick={() => (state.crop ? setCropOpen(true) : void upload.applyFix(null))}
          className="inline-flex items-center gap-1 rounded-md bg-amber-400 px-2 py-1 font-medium text-neutral-950 hover:bg-amber-300"
        >
          {state.crop ? <Maximize2 className="size-3.5" aria-hidden /> : <Scaling className="size-3.5" aria-hidden />}
          {state.crop ? t("cropTo", { aspect: formatAspect(state.crop) }) : t("upscaleTo", { min: String(MIN_IMAGE_SIDE) })}
        </button>
        <button type="button" onClick={upload.reset} className="rounded-md px-2 py-1 text-neutral-400 hover:bg-neutral-800 hover:text-neutral-200">
          {tc("cancel")}
        </button>
      </div>
      {state.crop && cropOpen && (
        <CropDialog
          key={state.name}
          open={cropOpen}
          file={state.file}
          size={state.size}
          initialCrop={state.crop}
          onCancel={() => setCropOpen(false)}
          onConfirm={(crop) => {
            setCropOpen(false);
            void upload.applyFix(crop);
          }}
        />
      )}
    </div>
  );
}
