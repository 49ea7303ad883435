import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frameTime } from "@/lib/motion";
import { advance, frameCountFor, framePosition, MAX_STEP_MS, previewTime, seek, togglePlaying, withFrames, type Playback } from "./playback";

const FRAMES = 150;
const at = (clock: number, over: Partial<Playback> = {}): Playback => ({ playing: true, loop: true, clock, frames: FRAMES, ...over });
const FRAME_MS = 1000 / 30;

describe("preview clock", () => {
  it.each([
    [5, 150],
    [10, 300],
  ])("a %i s clip has the engine's %i frames", (seconds, frames) => {
    expect(frameCountFor(seconds)).toBe(frames);
  });

  it("shows exactly the video's frames: frame i at the engine's t, the last one at t = 1", () => {
    for (const i of [0, 1, 74, 75, 148, 149]) expect(previewTime(at(i))).toBe(frameTime(i, FRAMES));
    expect(previewTime(at(149.99))).toBe(1);
  });

  it.each<[string, Playback, number, Partial<Playback>]>([
    ["advances 30 frames a second", at(10), 200, { clock: 16, playing: true }],
    ["holds the last frame for its 1/30 s", at(148.5), FRAME_MS, { clock: 149.5, playing: true }],
    ["wraps to the start when looping", at(149.5), FRAME_MS, { clock: 0.5, playing: true }],
    ["stops on the last frame otherwise", at(149.5, { loop: false }), FRAME_MS, { clock: 149, playing: false }],
    ["does nothing while paused", at(10, { playing: false }), 1000, { clock: 10, playing: false }],
    ["ignores time going backwards", at(10), -50, { clock: 10 }],
    ["caps a stalled tab's long step", at(0), 10_000, { clock: (MAX_STEP_MS / 1000) * 30 }],
  ])("%s", (_, start, elapsed, expected) => {
    const next = advance(start, elapsed);
    expect(next.clock).toBeCloseTo(expected.clock!, 9);
    if (expected.playing !== undefined) expect(next.playing).toBe(expected.playing);
  });

  it("never leaves the clip, and a clip without loop ends exactly on t = 1", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { maxLength: 200 }), (loop, steps) => {
        let p = at(0, { loop });
        for (const ms of steps) {
          p = advance(p, ms);
          expect(p.clock).toBeGreaterThanOrEqual(0);
          expect(p.clock).toBeLessThan(FRAMES);
          expect(previewTime(p)).toBeLessThanOrEqual(1);
        }
        if (!loop && !p.playing) expect(previewTime(p)).toBe(1);
      }),
    );
  });

  it("seeks to a frame (clamped) and pauses", () => {
    expect(seek(at(3), 75)).toMatchObject({ clock: 75, playing: false });
    expect(seek(at(3), -4).clock).toBe(0);
    expect(seek(at(3), 400).clock).toBe(149);
    expect(seek(at(3), Number.NaN).clock).toBe(0);
  });

  it("Play after the end starts again; Pause keeps the frame", () => {
    expect(togglePlaying(at(149, { playing: false }))).toMatchObject({ playing: true, clock: 0 });
    expect(togglePlaying(at(30, { playing: false }))).toMatchObject({ playing: true, clock: 30 });
    expect(togglePlaying(at(30))).toMatchObject({ playing: false, clock: 30 });
  });

  it("keeps the same moment of the motion when the duration changes", () => {
    const p = withFrames(at(74.5), 300);
    expect(p.frames).toBe(300);
    expect(previewTime(p)).toBeCloseTo(0.5, 12);
    expect(framePosition(withFrames(at(149), 300))).toBe(299);
  });
});
