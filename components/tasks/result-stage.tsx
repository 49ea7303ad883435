"use client";

import Image from "next/image";
import { useTranslations } from "next-intl";
import type { Playback } from "./use-playback";

type Video = { width: number; height: number };

type Props = {
  src: string;
  video: Video;
  playback: Playback;
  /** The start frame beside the video, when comparing with it. */
  startFrameUrl: string | null;
  /** Another take of the shot beside the video, playing in step. */
  takeSrc: string | null;
  /** "fill": as large as the box the parent gives; "natural": the video's shape, at most 60 % of the window's height. */
  layout: "fill" | "natural";
};

const pane = "relative min-h-0 min-w-0 flex-1 overflow-hidden rounded-md bg-black";
const media = "absolute inset-0 size-full object-contain";

/**
 * The picture area: the video and what it is compared with, side by side, each letterboxed inside its
 * pane (object-fit: contain), so the whole frame is always in view whatever size the box is.
 */
export function ResultStage({ src, video, playback, startFrameUrl, takeSrc, layout }: Props) {
  const t = useTranslations("player");
  const panes = 1 + (startFrameUrl ? 1 : 0) + (takeSrc ? 1 : 0);
  // One stable tree: toggling a comparison never reloads the main video or loses its position.
  return (
    <div
      data-testid="result-stage"
      className={`flex gap-1 ${layout === "fill" ? "min-h-0 flex-1" : "max-h-[60vh] w-full"}`}
      style={layout === "natural" ? { aspectRatio: `${panes * video.width} / ${video.height}` } : undefined}
    >
      {startFrameUrl && (
        <figure className={pane}>
          <Image src={startFrameUrl} alt={t("startFrame")} width={video.width} height={video.height} unoptimized className={media} />
          <Caption>{t("startFrame")}</Caption>
        </figure>
      )}
      <figure className={pane}>
        <video
          {...playback.mainProps}
          src={src}
          muted
          playsInline
          autoPlay
          preload="metadata"
          aria-label={t("video")}
          className={media}
          onClick={playback.toggle}
        />
        {panes > 1 && <Caption>{t("videoCaption")}</Caption>}
      </figure>
      {takeSrc && (
        <figure className={pane}>
          <video {...playback.followerProps} key={takeSrc} src={takeSrc} muted playsInline preload="auto" aria-label={t("takeVideo")} className={media} />
          <Caption>{t("takeCaption")}</Caption>
        </figure>
      )}
    </div>
  );
}

function Caption({ children }: { children: React.ReactNode }) {
  return <figcaption className="pointer-events-none absolute left-1.5 top-1.5 rounded bg-black/70 px-1.5 py-0.5 text-[10px] text-neutral-200">{children}</figcaption>;
}
