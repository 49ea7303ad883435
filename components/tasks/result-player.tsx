"use client";

import { useEffect, useRef, useState } from "react";
import Image from "next/image";
import { ChevronLeft, ChevronRight, Columns2, Download, Pause, Play, Repeat } from "lucide-react";
import { useTranslations } from "next-intl";
import { taskVideoUrl } from "@/lib/browser/api";
import type { Task } from "@/lib/tasks/public-task";
import { formatTimecode } from "@/lib/text/format";

type ResultPlayerProps = { taskId: string; video: NonNullable<Task["video"]>; startFrameUrl: string | null };

/** One frame at 30 fps; Kling renders at 24 or 30 fps, and a 30 fps step never skips a 24 fps frame. */
const FRAME_S = 1 / 30;

const iconButton =
  "inline-flex size-7 items-center justify-center rounded-md text-neutral-300 hover:bg-neutral-800 hover:text-neutral-50 focus-visible:outline-2 focus-visible:outline-sky-400 aria-pressed:bg-sky-400/15 aria-pressed:text-sky-300";

export function ResultPlayer({ taskId, video, startFrameUrl }: ResultPlayerProps) {
  const t = useTranslations("player");
  const ref = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  const [loop, setLoop] = useState(true);
  const [compare, setCompare] = useState(false);
  const [time, setTime] = useState(0);
  const [length, setLength] = useState(video.durationS);
  const src = taskVideoUrl(taskId);
  const showStart = compare && startFrameUrl !== null;

  // timeupdate fires only ~4 times a second; follow the playhead per frame while playing.
  useEffect(() => {
    if (!playing) return;
    let frame = requestAnimationFrame(function tick() {
      if (ref.current) setTime(ref.current.currentTime);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const seek = (seconds: number) => {
    const element = ref.current;
    if (!element) return;
    const clamped = Math.min(Math.max(0, seconds), length || element.duration || 0);
    element.currentTime = clamped;
    setTime(clamped);
  };
  const step = (frames: number) => {
    ref.current?.pause();
    seek((ref.current?.currentTime ?? time) + frames * FRAME_S);
  };
  const toggle = () => {
    const element = ref.current;
    if (!element) return;
    if (element.paused) void element.play();
    else element.pause();
  };

  const player = (
    <video
      ref={ref}
      src={src}
      loop={loop}
      muted
      playsInline
      autoPlay
      preload="metadata"
      aria-label={t("video")}
      className="size-full bg-black object-contain"
      style={{ aspectRatio: `${video.width} / ${video.height}` }}
      onClick={toggle}
      onPlay={() => setPlaying(true)}
      onPause={() => setPlaying(false)}
      onEnded={() => setPlaying(false)}
      onTimeUpdate={(e) => !playing && setTime(e.currentTarget.currentTime)}
      onLoadedMetadata={(e) => Number.isFinite(e.currentTarget.duration) && setLength(e.currentTarget.duration)}
    />
  );

  return (
    <div className="space-y-1.5">
      {/* One stable tree, so toggling the comparison never reloads the video or loses its position. */}
      <div className={showStart ? "grid grid-cols-2 gap-1" : ""}>
        {showStart && (
          <figure className="overflow-hidden rounded-md bg-black">
            <Image
              src={startFrameUrl}
              alt={t("startFrame")}
              width={video.width}
              height={video.height}
              unoptimized
              className="size-full object-contain"
              style={{ aspectRatio: `${video.width} / ${video.height}` }}
            />
            <figcaption className="px-1.5 py-0.5 text-[10px] text-neutral-500">{t("startFrame")}</figcaption>
          </figure>
        )}
        <figure className="overflow-hidden rounded-md bg-black">
          {player}
          {showStart && <figcaption className="px-1.5 py-0.5 text-[10px] text-neutral-500">{t("videoCaption")}</figcaption>}
        </figure>
      </div>

      <input
        type="range"
        aria-label={t("position")}
        aria-valuetext={t("positionValue", { time: formatTimecode(time), length: formatTimecode(length) })}
        min={0}
        max={length || 0}
        step={FRAME_S}
        value={Math.min(time, length || 0)}
        onChange={(e) => {
          ref.current?.pause();
          seek(Number(e.target.value));
        }}
        className="h-1 w-full cursor-pointer accent-sky-400"
      />

      <div className="flex items-center gap-0.5">
        <button type="button" className={iconButton} aria-label={playing ? t("pause") : t("play")} onClick={toggle}>
          {playing ? <Pause className="size-3.5" aria-hidden /> : <Play className="size-3.5" aria-hidden />}
        </button>
        <button type="button" className={iconButton} aria-label={t("previous")} title={t("previousTitle")} onClick={() => step(-1)}>
          <ChevronLeft className="size-3.5" aria-hidden />
        </button>
        <button type="button" className={iconButton} aria-label={t("next")} title={t("nextTitle")} onClick={() => step(1)}>
          <ChevronRight className="size-3.5" aria-hidden />
        </button>
        <span className="ml-1 text-[11px] tabular-nums text-neutral-400">
          {formatTimecode(time)} / {formatTimecode(length)}
        </span>
        <span className="flex-1" />
        <button type="button" className={iconButton} aria-label={t("loop")} aria-pressed={loop} title={t("loop")} onClick={() => setLoop((v) => !v)}>
          <Repeat className="size-3.5" aria-hidden />
        </button>
        {startFrameUrl && (
          <button
            type="button"
            className={iconButton}
            aria-label={t("compare")}
            aria-pressed={compare}
            title={t("compare")}
            onClick={() => setCompare((v) => !v)}
          >
            <Columns2 className="size-3.5" aria-hidden />
          </button>
        )}
        <a href={src} download={`motion-${taskId}.mp4`} className={iconButton} aria-label={t("download")} title={t("download")}>
          <Download className="size-3.5" aria-hidden />
        </a>
      </div>
    </div>
  );
}
