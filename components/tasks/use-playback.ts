"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** One frame at 30 fps; Kling renders at 24 or 30 fps, and a 30 fps step never skips a 24 fps frame. */
export const FRAME_S = 1 / 30;
/** How far a compared take may drift from the main video before it is put back in step. */
const MAX_DRIFT_S = 1 / 15;

export type Playback = ReturnType<typeof usePlayback>;

/**
 * The player's transport: one main video and, when comparing takes, a follower that plays, pauses and
 * seeks with it. The follower has no controls of its own, so the two never disagree for long.
 */
export function usePlayback(initialLength: number) {
  const main = useRef<HTMLVideoElement>(null);
  const follower = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  const [loop, setLoop] = useState(true);
  const [time, setTime] = useState(0);
  const [length, setLength] = useState(initialLength);

  // timeupdate fires only ~4 times a second; follow the playhead per frame while playing, and keep
  // the follower in step (its own clock drifts, and it restarts a loop at its own length).
  useEffect(() => {
    if (!playing) return;
    let frame = requestAnimationFrame(function tick() {
      const video = main.current;
      if (video) {
        setTime(video.currentTime);
        const other = follower.current;
        if (other && Math.abs(other.currentTime - video.currentTime) > MAX_DRIFT_S) other.currentTime = Math.min(video.currentTime, other.duration || video.currentTime);
        if (other?.paused) void other.play().catch(() => {});
      }
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const seek = useCallback(
    (seconds: number) => {
      const video = main.current;
      if (!video) return;
      const clamped = Math.min(Math.max(0, seconds), length || video.duration || 0);
      video.currentTime = clamped;
      if (follower.current) follower.current.currentTime = Math.min(clamped, follower.current.duration || clamped);
      setTime(clamped);
    },
    [length],
  );
  const pause = useCallback(() => {
    main.current?.pause();
    follower.current?.pause();
  }, []);
  const toggle = useCallback(() => {
    const video = main.current;
    if (!video) return;
    if (video.paused) void video.play().catch(() => {});
    else pause();
  }, [pause]);
  const step = (frames: number) => {
    pause();
    seek((main.current?.currentTime ?? time) + frames * FRAME_S);
  };

  /** Props for the main <video>. */
  const mainProps = {
    ref: main,
    loop,
    onPlay: () => setPlaying(true),
    onPause: () => {
      setPlaying(false);
      follower.current?.pause();
    },
    onEnded: () => setPlaying(false),
    onTimeUpdate: (event: React.SyntheticEvent<HTMLVideoElement>) => !playing && setTime(event.currentTarget.currentTime),
    onLoadedMetadata: (event: React.SyntheticEvent<HTMLVideoElement>) => Number.isFinite(event.currentTarget.duration) && setLength(event.currentTarget.duration),
  };
  /** Props for a compared take: it starts where the main video is. */
  const followerProps = {
    ref: follower,
    loop,
    onLoadedMetadata: (event: React.SyntheticEvent<HTMLVideoElement>) => {
      const other = event.currentTarget;
      other.currentTime = Math.min(main.current?.currentTime ?? 0, other.duration || 0);
      if (main.current && !main.current.paused) void other.play().catch(() => {});
    },
  };

  return { playing, loop, setLoop, time, length, seek, step, toggle, pause, mainProps, followerProps };
}
