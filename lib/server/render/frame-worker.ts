/*
 * Render worker: computes frames off the main thread. The main thread lends it frame buffers one by
 * one (transferred, never copied), writes each returned frame to ffmpeg and lends the buffer back, so
 * memory stays at a few frames and ffmpeg's pace sets the pace. Plain Node: it must not import
 * "server-only" (that package throws outside Next's react-server build), hence lib/motion, pure code.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { CameraInput } from "@/lib/motion/camera";
import { createCompositor } from "@/lib/motion/compositor";
import { frameTime } from "@/lib/motion/model";

/** Masks are one byte per pixel at the output size; paths are timed paths in output pixels. */
export type WorkerMotion = {
  staticMask: ArrayBuffer | null;
  regions: Array<{ mask: ArrayBuffer; xs: Float64Array; ys: Float64Array }>;
  camera: CameraInput | null;
};
export type FrameWorkerData = WorkerMotion & { width: number; height: number; frames: number; start: ArrayBuffer | null; tail: ArrayBuffer | null };
export type FrameRequest = { index: number; buffer: ArrayBuffer };

const data = workerData as FrameWorkerData;
const bytes = (buffer: ArrayBuffer | null) => (buffer ? new Uint8Array(buffer) : null);
const compositor = createCompositor({
  width: data.width,
  height: data.height,
  start: bytes(data.start),
  tail: bytes(data.tail),
  staticMask: bytes(data.staticMask),
  regions: data.regions.map((region) => ({ mask: new Uint8Array(region.mask), path: { xs: region.xs, ys: region.ys } })),
  camera: data.camera,
});

parentPort?.on("message", ({ index, buffer }: FrameRequest) => {
  compositor.render(frameTime(index, data.frames), new Uint8Array(buffer));
  parentPort?.postMessage({ index, buffer } satisfies FrameRequest, [buffer]);
});
