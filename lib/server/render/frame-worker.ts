/*
 * Render worker: computes frames off the main thread. The main thread lends it frame buffers one by
 * one (transferred, never copied), writes each returned frame to ffmpeg and lends the buffer back, so
 * memory stays at a few frames and ffmpeg's pace sets the pace. Plain Node: it must not import
 * "server-only" (that package throws outside Next's react-server build), hence lib/motion, pure code.
 */
import { parentPort, workerData } from "node:worker_threads";
import { frameTime } from "@/lib/motion/model";
import { compositorFor, type FrameWorkerData } from "./worker-compositor";

export type FrameRequest = { index: number; buffer: ArrayBuffer };

const data = workerData as FrameWorkerData;
const compositor = compositorFor(data);

parentPort?.on("message", ({ index, buffer }: FrameRequest) => {
  compositor.render(frameTime(index, data.frames), new Uint8Array(buffer));
  parentPort?.postMessage({ index, buffer } satisfies FrameRequest, [buffer]);
});
