"use client";

import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { Dialog } from "radix-ui";
import { Crop, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Size } from "@/lib/editor/document";
import { fixTransform, formatAspect, moveCropBox, type Rect } from "@/lib/editor/image-fix";
import { MIN_IMAGE_SIDE } from "@/lib/kling/contract";
import { useObjectUrl } from "./use-object-url";

type CropDialogProps = {
  open: boolean;
  file: Blob;
  size: Size;
  initialCrop: Rect;
  onConfirm: (crop: Rect) => void;
  onCancel: () => void;
};

const VIEW = { width: 560, height: 380 };

/**
 * A crop box at the nearest allowed aspect over the image; the user slides it (drag or arrow keys)
 * to choose which part to keep. The box keeps its size: it is already the largest allowed crop.
 */
export function CropDialog({ open, file, size, initialCrop, onConfirm, onCancel }: CropDialogProps) {
  const t = useTranslations("crop");
  const tc = useTranslations("common");
  const id = useId();
  const [crop, setCrop] = useState(initialCrop);
  const drag = useRef<{ x: number; y: number; box: Rect } | null>(null);
  const url = useObjectUrl(file);

  const scale = Math.min(VIEW.width / size.width, VIEW.height / size.height);
  const shown = { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
  const output = fixTransform(crop).output;
  const upscales = output.width !== crop.width;
  // Strings, so ICU does not group digits ("1,920").
  const kept = { width: String(crop.width), height: String(crop.height), imageWidth: String(size.width), imageHeight: String(size.height) };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, box: crop };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    setCrop(moveCropBox(start.box, (event.clientX - start.x) / scale, (event.clientY - start.y) / scale, size));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = Math.max(1, Math.round(Math.max(size.width, size.height) * (event.shiftKey ? 0.1 : 0.01)));
    const delta: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = delta[event.key];
    if (!move) return;
    event.preventDefault();
    setCrop((box) => moveCropBox(box, move[0], move[1], size));
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/70 backdrop-blur-sm" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(620px,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-neutral-800 bg-neutral-900 p-5 text-neutral-100 shadow-2xl focus:outline-none">
          <div className="mb-3 flex items-start justify-between gap-4">
            <div>
              <Dialog.Title className="text-sm font-semibold">{t("title", { aspect: formatAspect(crop) })}</Dialog.Title>
              <Dialog.Description className="mt-1 text-xs text-neutral-400">{t("description")}</Dialog.Description>
            </div>
            <Dialog.Close className="rounded p-1 text-neutral-400 hover:bg-neutral-800 hover:text-neutral-100" aria-label={tc("close")}>
              <X className="size-4" />
            </Dialog.Close>
          </div>
          <div className="flex justify-center rounded-lg bg-neutral-950 p-2">
            <div className="relative overflow-hidden" style={shown}>
              {/* A blob URL of a local file: next/image cannot optimise it and need not. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={url ?? undefined} alt="" className="pointer-events-none block size-full select-none" draggable={false} />
              <div
                role="group"
                tabIndex={0}
                aria-label={t("box")}
                aria-describedby={`${id}-where`}
                className="absolute cursor-move touch-none rounded-[2px] outline-2 -outline-offset-2 outline-white shadow-[0_0_0_9999px_rgba(0,0,0,0.6)] focus-visible:outline-sky-400"
                style={{ left: crop.x * scale, top: crop.y * scale, width: crop.width * scale, height: crop.height * scale }}
                onPointerDown={onPointerDown}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={onPointerUp}
                onKeyDown={onKeyDown}
              >
                <span id={`${id}-where`} className="sr-only">
                  {t("where", { width: kept.width, height: kept.height, x: String(crop.x), y: String(crop.y) })}
                </span>
                <div className="pointer-events-none absolute inset-0 grid grid-cols-3 grid-rows-3">
                  {Array.from({ length: 9 }, (_, i) => (
                    <div key={i} className="border-[0.5px] border-white/25" />
                  ))}
                </div>
              </div>
            </div>
          </div>
          <p className="mt-3 text-xs text-neutral-400" aria-live="polite">
            {upscales
              ? t("keepsUpscaled", { ...kept, outputWidth: String(output.width), outputHeight: String(output.height), min: String(MIN_IMAGE_SIDE) })
              : t("keeps", kept)}
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <Dialog.Close className="rounded-md px-3 py-1.5 text-sm text-neutral-300 hover:bg-neutral-800">{tc("cancel")}</Dialog.Close>
            <button
              type="button"
              onClick={() => onConfirm(crop)}
              className="inline-flex items-center gap-1.5 rounded-md bg-sky-500 px-3 py-1.5 text-sm font-medium text-neutral-950 hover:bg-sky-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300"
            >
              <Crop className="size-4" aria-hidden />
              {upscales ? t("confirmUpscale") : t("confirm")}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
