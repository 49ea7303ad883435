import "server-only";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { FrameRequest, FrameWorkerInput } from "./frame-worker";
import { sceneOf } from "@/lib/motion/compositor";
import { movesCamera } from "@/lib/motion/model";
import { compositorInput, type FrameWorkerData } from "./worker-compositor";

/*
 * The worker (frame-worker.ts) runs as plain JavaScript that scripts/build-worker.mjs bundles during
 * `next build`, `next dev` and before the tests: Next does not bundle worker files, and Node needs no
 * TypeScript loader this way. Resolved from the working directory, the project root under `next start`
 * and vitest (WORKER_BUNDLE in build-worker.mjs).
 */
export const WORKER_FILE = path.join(process.cwd(), "build/frame-worker.mjs");

/** Frame slots per worker: enough to keep it busy while ffmpeg reads the last one. */
const BUFFERS_PER_WORKER = 2;
/**
 * Workers computing frames in parallel (each takes every frame it is lent), at most one per core,
 * when the camera moves: each frame is then a whole-frame resample, about as costly as its encode.
 * Without a camera move a frame is a copy and the regions' boxes, a fraction of its encode, so one
 * worker keeps ffmpeg busy and a second would only repeat the set-up (the fill) and its memory.
 */
export const MAX_RENDER_WORKERS = 2;

export type FramePool = {
  /** Gives a written frame back: its slot is drawn into again, for the next frame. */
  release(frame: Uint8Array): void;
  stop(): void;
};

export type FramePoolEvents = {
  /** Frames in index order, each exactly once; `frame` is a shared slot, valid until released. */
  frame(index: number, frame: Uint8Array): void;
  error(error: Error): void;
};

const transferOf = (data: FrameWorkerData) =>
  [data.start, data.tail, data.staticMask, ...data.regions.map((region) => region.mask)].filter((buffer): buffer is ArrayBuffer => buffer !== null);

/** The worker's inputs with buffers of its own (a transferred buffer goes to one thread only). */
function copyOf(data: FrameWorkerData): FrameWorkerData {
  const copy = (buffer: ArrayBuffer | null) => (buffer ? buffer.slice(0) : null);
  return { ...data, start: copy(data.start), tail: copy(data.tail), staticMask: copy(data.staticMask), regions: data.regions.map((r) => ({ ...r, mask: r.mask.slice(0) })) };
}

/**
 * Worker threads computing the frames of `data` into a few frame slots shared with them
 * (SharedArrayBuffers): each request names a frame and a free slot and goes to the worker with the
 * fewest requests; frames come back in any order and are handed on in index order, so memory stays
 * at a few frames per worker and ffmpeg's pace sets the pace. Shared slots, not buffers transferred
 * back and forth: a transferred 3.7 MB buffer is new external memory to each side's garbage
 * collector every frame, which then keeps collecting.
 */
export function createFramePool(data: FrameWorkerData, events: FramePoolEvents): FramePool {
  const wanted = movesCamera(sceneOf(compositorInput(data))) ? MAX_RENDER_WORKERS : 1;
  const count = Math.max(1, Math.min(wanted, os.availableParallelism(), Math.ceil(data.frames / 8)));
  const lent = new Array<number>(count).fill(0);
  const frameBytes = data.width * data.height * 4;
  const slots = Array.from({ length: Math.min(BUFFERS_PER_WORKER * count, data.frames) }, () => new SharedArrayBuffer(frameBytes));
  const views: Uint8Array[] = slots.map((slot) => new Uint8Array(slot));
  const done = new Map<number, number>();
  let nextIndex = 0;
  let nextOut = 0;
  let stopped = false;
  const workers = Array.from({ length: count }, (_, k) => {
    // The last worker takes the originals; the others copies, made before those are transferred.
    const own = k === count - 1 ? data : copyOf(data);
    const workerData: FrameWorkerInput = { data: own, slots };
    // Plain JavaScript needs no flags: none inherited, so a loader the parent runs under (tsx for
    // `npm run engine` and the benchmarks) does not hook the worker's start-up too.
    const worker = new Worker(pathToFileURL(WORKER_FILE), { workerData, transferList: transferOf(own), execArgv: [] });
    worker.on("message", ({ index, slot }: FrameRequest) => {
      if (stopped) return;
      lent[k]! -= 1;
      done.set(index, slot);
      for (let ready = done.get(nextOut); ready !== undefined; ready = done.get(nextOut)) {
        done.delete(nextOut);
        events.frame(nextOut, views[ready]!);
        nextOut += 1;
      }
    });
    worker.on("error", (error) => events.error(new Error(`render worker failed: ${error.message}`)));
    // Only stop() ends a healthy worker; any other exit would leave ffmpeg waiting forever.
    worker.on("exit", (code) => !stopped && events.error(new Error(`render worker exited with code ${code}`)));
    return worker;
  });

  function lend(slot: number): void {
    if (stopped || nextIndex >= data.frames) return;
    const k = lent.indexOf(Math.min(...lent));
    lent[k]! += 1;
    const request: FrameRequest = { index: nextIndex, slot };
    nextIndex += 1;
    workers[k]!.postMessage(request);
  }

  slots.forEach((_, slot) => lend(slot));
  return {
    release: (frame) => lend(views.indexOf(frame)),
    stop() {
      stopped = true;
      for (const worker of workers) void worker.terminate();
    },
  };
}
