import { describe, expect, it } from "vitest";
import { TOOL_IDS } from "@/lib/editor/tools/types";
import { previewTime } from "./playback";
import { createPreviewStore, previewTool, worksInPreview } from "./store";

describe("preview store", () => {
  it("opens on the first frame, playing and looping, and closes", () => {
    const store = createPreviewStore();
    expect(store.getState()).toMatchObject({ active: false, playing: false });
    store.getState().seek(20);
    store.getState().open(150);
    expect(store.getState()).toMatchObject({ active: true, playing: true, loop: true, clock: 0, frames: 150 });
    store.getState().close();
    expect(store.getState()).toMatchObject({ active: false, playing: false });
  });

  it("runs the clock on ticks, and a seek pauses on that frame", () => {
    const store = createPreviewStore();
    store.getState().open(150);
    store.getState().tick(100);
    expect(store.getState().clock).toBeCloseTo(3, 9);
    store.getState().seek(149);
    expect(store.getState()).toMatchObject({ playing: false, clock: 149 });
    expect(previewTime(store.getState())).toBe(1);
    store.getState().togglePlaying();
    expect(store.getState()).toMatchObject({ playing: true, clock: 0 });
  });

  it("does not notify listeners when nothing changes", () => {
    const store = createPreviewStore();
    store.getState().open(150);
    store.getState().togglePlaying();
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.getState().tick(100);
    store.getState().setLoop(true);
    store.getState().setFrames(150);
    expect(calls).toBe(0);
    store.getState().setLoop(false);
    expect(calls).toBe(1);
  });

  it("follows a new duration at the same moment of the motion", () => {
    const store = createPreviewStore();
    store.getState().open(150);
    store.getState().seek(149);
    store.getState().setFrames(300);
    expect(store.getState()).toMatchObject({ frames: 300, clock: 299 });
  });

  it("holds the path tool (or the hand) while previewing: masks are not on screen", () => {
    for (const tool of TOOL_IDS) {
      const kept = tool === "trajectory" || tool === "hand";
      expect(worksInPreview(tool)).toBe(kept);
      expect(previewTool(tool)).toBe(kept ? tool : "trajectory");
    }
  });
});
