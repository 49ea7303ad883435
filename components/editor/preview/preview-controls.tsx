"use client";

import { Clapperboard, Pause, Play, Repeat } from "lucide-react";
import { useTranslations } from "next-intl";
import { useStore } from "zustand";
import { shortcutLabel } from "@/lib/editor/actions";
import { framePosition, VIDEO_FPS } from "@/lib/editor/preview/playback";
import type { PreviewStore } from "@/lib/editor/preview/store";
import { IconButton } from "@/components/ui/icon-button";
import { Tip } from "@/components/ui/tooltip";
import { useIsApple } from "../use-platform";
import type { PreviewSession } from "./use-preview-session";
import { Slider } from "@/components/ui/slider";

const seconds = (frames: number) => (frames / VIDEO_FPS).toFixed(2);

/** The Preview toggle and, while previewing, Play/Pause, the time scrubber and Loop. */
export function PreviewControls({ session }: { session: PreviewSession }) {
  const { preview, toggle } = session;
  const active = useStore(preview, (s) => s.active);
  const apple = useIsApple();
  const t = useTranslations("preview");
  const shortcut = shortcutLabel("preview", apple);
  return (
    <div
      role="group"
      aria-label={t("group")}
      className="pointer-events-auto flex items-center gap-1 rounded-lg border border-neutral-800 bg-neutral-900/90 p-0.5 shadow-lg shadow-black/30 backdrop-blur"
    >
      <Tip label={active ? t("stop") : t("start")} shortcut={shortcut} side="top">
        <button
          type="button"
          aria-pressed={active}
          aria-keyshortcuts={shortcut}
          onClick={toggle}
          className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium text-neutral-200 outline-none hover:bg-neutral-800 focus-visible:ring-2 focus-visible:ring-sky-400 aria-pressed:bg-sky-500/20 aria-pressed:text-sky-300"
        >
          <Clapperboard className="size-3.5" aria-hidden />
          {t("toggle")}
        </button>
      </Tip>
      {active && <Transport preview={preview} />}
    </div>
  );
}

function Transport({ preview }: { preview: PreviewStore }) {
  const playing = useStore(preview, (s) => s.playing);
  const loop = useStore(preview, (s) => s.loop);
  const frames = useStore(preview, (s) => s.frames);
  const position = useStore(preview, framePosition);
  const actions = preview.getState();
  const t = useTranslations("preview");
  return (
    <>
      <IconButton size="sm" label={playing ? t("pause") : t("play")} tooltipSide="top" onClick={() => actions.togglePlaying()}>
        {playing ? <Pause className="size-3.5" aria-hidden /> : <Play className="size-3.5" aria-hidden />}
      </IconButton>
      {/* One step is one frame of the video: a paused preview always shows one of its frames. */}
      <Slider
        label={t("time")}
        valueText={t("timeValue", { position: seconds(position), length: seconds(frames) })}
        min={0}
        max={Math.max(1, frames - 1)}
        step={1}
        value={position}
        onChange={(frame) => actions.seek(frame)}
        className="mx-1 w-32 sm:w-48"
      />
      <span className="w-20 shrink-0 text-right font-mono text-[11px] tabular-nums text-neutral-300" aria-hidden>
        {seconds(position)} / {seconds(frames)}
      </span>
      <IconButton size="sm" label={t("loop")} pressed={loop} tooltipSide="top" onClick={() => actions.setLoop(!loop)}>
        <Repeat className="size-3.5" aria-hidden />
      </IconButton>
    </>
  );
}
