"use client";

import { ChevronLeft, ChevronRight, Columns2, Download, Expand, Minimize, Pause, Play, Repeat, RectangleHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { formatTimecode } from "@/lib/text/format";
import { FRAME_S, type Playback } from "./use-playback";
import type { BigView } from "./use-theatre";

const iconButton =
  "inline-flex size-7 shrink-0 items-center justify-center rounded-md text-neutral-300 hover:bg-neutral-800 hover:text-neutral-50 focus-visible:outline-2 focus-visible:outline-sky-400 aria-pressed:bg-sky-400/15 aria-pressed:text-sky-300";

type Props = {
  playback: Playback;
  view: BigView;
  downloadUrl: string;
  downloadName: string;
  /** Null when there is no start frame to show beside the video. */
  compare: { on: boolean; toggle: () => void } | null;
  /** The take picker, when this shot has other takes. */
  takes?: React.ReactNode;
};

/** The scrubber and the button row under the result: transport, loop, comparisons, big views, download. */
export function PlayerControls({ playback, view, downloadUrl, downloadName, compare, takes }: Props) {
  const t = useTranslations("player");
  const { playing, time, length, loop, setLoop, toggle, step, seek, pause } = playback;
  return (
    <div className="shrink-0 space-y-1 pt-1.5">
      <input
        type="range"
        aria-label={t("position")}
        aria-valuetext={t("positionValue", { time: formatTimecode(time), length: formatTimecode(length) })}
        min={0}
        max={length || 0}
        step={FRAME_S}
        value={Math.min(time, length || 0)}
        onChange={(event) => {
          pause();
          seek(Number(event.target.value));
        }}
        className="block h-1 w-full cursor-pointer accent-sky-400"
      />
      <div className="flex min-w-0 items-center gap-0.5">
        <button type="button" className={iconButton} aria-label={playing ? t("pause") : t("play")} onClick={toggle}>
          {playing ? <Pause className="size-3.5" aria-hidden /> : <Play className="size-3.5" aria-hidden />}
        </button>
        <button type="button" className={iconButton} aria-label={t("previous")} title={t("previousTitle")} onClick={() => step(-1)}>
          <ChevronLeft className="size-3.5" aria-hidden />
        </button>
        <button type="button" className={iconButton} aria-label={t("next")} title={t("nextTitle")} onClick={() => step(1)}>
          <ChevronRight className="size-3.5" aria-hidden />
        </button>
        <span className="ml-1 shrink-0 text-[11px] tabular-nums text-neutral-400">
          {formatTimecode(time)} / {formatTimecode(length)}
        </span>
        <span className="min-w-2 flex-1" />
        {takes}
        <button type="button" className={iconButton} aria-label={t("loop")} aria-pressed={loop} title={t("loop")} onClick={() => setLoop((value) => !value)}>
          <Repeat className="size-3.5" aria-hidden />
        </button>
        {compare && (
          <button type="button" className={iconButton} aria-label={t("compare")} aria-pressed={compare.on} title={t("compare")} onClick={compare.toggle}>
            <Columns2 className="size-3.5" aria-hidden />
          </button>
        )}
        <BigViewButtons view={view} />
        <a href={downloadUrl} download={downloadName} className={iconButton} aria-label={t("download")} title={t("download")}>
          <Download className="size-3.5" aria-hidden />
        </a>
      </div>
    </div>
  );
}

function BigViewButtons({ view }: { view: BigView }) {
  const t = useTranslations("player");
  if (view.big) {
    const label = view.mode === "fullscreen" ? t("exitFullscreen") : t("exitTheatre");
    return (
      <button type="button" className={iconButton} aria-label={label} title={label} onClick={view.close}>
        <Minimize className="size-3.5" aria-hidden />
      </button>
    );
  }
  return (
    <>
      <button type="button" className={iconButton} aria-label={t("theatre")} title={t("theatre")} onClick={view.openTheatre}>
        <RectangleHorizontal className="size-3.5" aria-hidden />
      </button>
      <button type="button" className={iconButton} aria-label={t("fullscreen")} title={t("fullscreen")} onClick={() => void view.openFullscreen()}>
        <Expand className="size-3.5" aria-hidden />
      </button>
    </>
  );
}
