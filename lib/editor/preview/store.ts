import { createStore, type StoreApi } from "zustand/vanilla";
import type { ToolId } from "@/lib/editor/tools/types";
import { advance, seek, togglePlaying, withFrames, type Playback } from "./playback";

/**
 * Live preview state, apart from the editor store: it is neither document nor history, and its clock
 * changes every display frame, so only the preview canvas and the scrubber listen to it.
 */

export type PreviewState = Playback & {
  /** The canvas shows the moving picture instead of the editing layers. */
  active: boolean;
};

export type PreviewActions = {
  /** Enters preview mode on the first frame, playing. */
  open(frames: number): void;
  close(): void;
  tick(elapsedMs: number): void;
  seek(frame: number): void;
  togglePlaying(): void;
  setLoop(loop: boolean): void;
  setFrames(frames: number): void;
};

export type PreviewStore = StoreApi<PreviewState & PreviewActions>;

export function createPreviewStore(): PreviewStore {
  return createStore<PreviewState & PreviewActions>()((set, get) => {
    const playback = (): Playback => {
      const { playing, loop, clock, frames } = get();
      return { playing, loop, clock, frames };
    };
    const update = (next: Playback) => {
      const s = get();
      if (next.playing !== s.playing || next.loop !== s.loop || next.clock !== s.clock || next.frames !== s.frames) set(next);
    };
    return {
      active: false,
      playing: false,
      loop: true,
      clock: 0,
      frames: 1,
      open: (frames) => set({ active: true, playing: true, clock: 0, frames: Math.max(1, frames) }),
      close: () => set({ active: false, playing: false }),
      tick: (elapsedMs) => update(advance(playback(), elapsedMs)),
      seek: (frame) => update(seek(playback(), frame)),
      togglePlaying: () => update(togglePlaying(playback())),
      setLoop: (loop) => update({ ...playback(), loop }),
      setFrames: (frames) => update(withFrames(playback(), Math.max(1, frames))),
    };
  });
}

/** Tools that make sense on a moving picture: editing paths, and looking around. */
const PREVIEW_TOOLS: ReadonlySet<ToolId> = new Set<ToolId>(["trajectory", "hand"]);

export function worksInPreview(tool: ToolId): boolean {
  return PREVIEW_TOOLS.has(tool);
}

/** The tool to hold while previewing: masks are hidden, so painting tools give way to the path tool. */
export function previewTool(tool: ToolId): ToolId {
  return worksInPreview(tool) ? tool : "trajectory";
}
