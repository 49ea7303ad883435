/**
 * The live preview's clock. The engine's video has `duration × 30` frames and shows frame i at
 * normalised time t = i / (frames − 1) (lib/motion `frameTime`) for 1/30 s; the clock runs in those
 * frame durations, so a paused preview sits exactly on one of the video's frames and playback lasts
 * as long as the video. Between two video frames the preview draws the motion model at the exact
 * in-between time: it paints every display frame, which is smoother than the video, never different.
 */

/** The preview engine's output rate (lib/server/render/output-size.ts, server-only, says the same). */
export const VIDEO_FPS = 30;

/** A stalled tab (rAF paused) resumes where it was instead of jumping ahead by the time it slept. */
export const MAX_STEP_MS = 250;

export type Playback = {
  playing: boolean;
  loop: boolean;
  /** Time since the clip began, in video frame durations: 0 ≤ clock < frames (= frames − 1 when ended). */
  clock: number;
  /** Frames of the video: duration × VIDEO_FPS. */
  frames: number;
};

export function frameCountFor(durationS: number): number {
  return Math.max(1, Math.round(durationS * VIDEO_FPS));
}

/** The frame on screen, fractional between two video frames; the last frame holds for its 1/30 s. */
export function framePosition(p: Playback): number {
  return Math.min(p.clock, p.frames - 1);
}

/** lib/motion's normalised time of what is on screen: 0 on the first frame, exactly 1 on the last. */
export function previewTime(p: Playback): number {
  return p.frames > 1 ? framePosition(p) / (p.frames - 1) : 0;
}

/** The clock `elapsedMs` later: wraps when looping, otherwise stops on the last frame. */
export function advance(p: Playback, elapsedMs: number): Playback {
  if (!p.playing || !(elapsedMs > 0)) return p;
  const clock = p.clock + (Math.min(elapsedMs, MAX_STEP_MS) / 1000) * VIDEO_FPS;
  if (clock < p.frames) return { ...p, clock };
  if (p.loop) return { ...p, clock: clock % p.frames };
  return { ...p, clock: p.frames - 1, playing: false };
}

/** Shows frame `frame` (clamped; fractions allowed) and pauses: scrubbing is looking, not playing. */
export function seek(p: Playback, frame: number): Playback {
  const clock = Number.isFinite(frame) ? Math.min(p.frames - 1, Math.max(0, frame)) : 0;
  return { ...p, clock, playing: false };
}

/** Play/Pause. Play on the last frame of a clip that has ended starts it again. */
export function togglePlaying(p: Playback): Playback {
  if (p.playing) return { ...p, playing: false };
  return { ...p, playing: true, clock: p.clock >= p.frames - 1 ? 0 : p.clock };
}

/** Another duration: the same moment of the motion (same t) in the new clip. */
export function withFrames(p: Playback, frames: number): Playback {
  if (frames === p.frames) return p;
  const t = previewTime(p);
  return { ...p, frames, clock: t * (frames - 1) };
}
