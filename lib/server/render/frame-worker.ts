/*
 * Render worker: computes frames off the main thread. The main thread lends it frame buffers one by
 * one (transferred, never copied), writes each returned frame to ffmpeg and lends the buffer back, so
 * memory stays at a few frames and ffmpeg's pace sets the pace. Plain Node (no "server-only").
 */
import { parentPort, workerData } from "node:worker_threads";
import { frameAt, type Scene } from "./frame-at";

export type FrameWorkerData = { width: number; height: number; frames: number; start: ArrayBuffer | null; tail: ArrayBuffer | null };
export type FrameRequest = { index: number; buffer: ArrayBuffer };

const data = workerData as FrameWorkerData;
const scene: Scene = {
  width: data.width,
  height: data.height,
  start: data.start ? new Uint8Array(data.start) : null,
  tail: data.tail ? new Uint8Array(data.tail) : null,
};

parentPort?.on("message", ({ index, buffer }: FrameRequest) => {
  const t = data.frames > 1 ? index / (data.frames - 1) : 0;
  frameAt(scene, t, new Uint8Array(buffer));
  parentPort?.postMessage({ index, buffer } satisfies FrameRequest, [buffer]);
});
