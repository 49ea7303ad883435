import { previewTime } from "@/lib/editor/preview/playback";
import type { PreviewStore } from "@/lib/editor/preview/store";

/**
 * The preview's playback clock: one requestAnimationFrame loop that advances the preview store by
 * the real time between frames and asks for a frame to be drawn when the time on screen changed.
 */
export type PlaybackClock = {
  /** Starts the clock from this moment, not from the next animation frame (when playing and ready). */
  start(): void;
  /** Restarts the measurement: the next tick counts from now (play after pause). */
  restart(): void;
  /** Makes sure an animation frame is pending while playing. */
  ensureLoop(): void;
  /** True while the clock itself updates the store (its own change is not a seek). */
  readonly ticking: boolean;
  dispose(): void;
};

export type ClockHooks = {
  /** The clock waits for this: without layers only t = 0 can be drawn exactly. */
  ready(): boolean;
  /** Whether the frame on screen is stale at time t (something changed, or t moved). */
  stale(t: number): boolean;
  draw(): void;
};

export function createPlaybackClock(preview: PreviewStore, hooks: ClockHooks): PlaybackClock {
  let raf = 0;
  let last: number | null = null;
  let ticking = false;
  let disposed = false;

  function loop(now: number): void {
    raf = 0;
    const state = preview.getState();
    if (!state.active) return;
    if (state.playing && hooks.ready()) {
      // A frame's timestamp is when it began, which can precede a clock started during it.
      const at = last === null || now > last ? now : performance.now();
      ticking = true;
      if (last !== null) state.tick(at - last);
      ticking = false;
      last = at;
    } else {
      last = null;
    }
    if (hooks.stale(previewTime(preview.getState()))) hooks.draw();
    if (preview.getState().playing) raf = requestAnimationFrame(loop);
  }

  return {
    start() {
      if (preview.getState().playing && hooks.ready()) last ??= performance.now();
    },
    restart() {
      last = null;
      this.start();
    },
    ensureLoop() {
      if (raf === 0 && !disposed && preview.getState().playing) raf = requestAnimationFrame(loop);
    },
    get ticking() {
      return ticking;
    },
    dispose() {
      disposed = true;
      cancelAnimationFrame(raf);
    },
  };
}
