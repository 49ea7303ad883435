/*
 * Render worker: computes frames off the main thread, into frame slots it shares with the main thread
 * (SharedArrayBuffers made once per render). The main thread asks for frame n in slot k, writes the
 * slot to ffmpeg once the worker answers and only then asks for another frame in it, so memory stays
 * at a few frames, ffmpeg's pace sets the pace, and no frame is copied or transferred. Plain Node: it
 * must not import "server-only" (that package throws outside Next's react-server build), hence
 * lib/motion, pure code.
 */
import { parentPort, workerData } from "node:worker_threads";
import { frameTime } from "@/lib/motion/model";
import { compositorFor, type FrameWorkerData } from "./worker-compositor";

/** Frame `index` drawn into slot `slot`: the request, and the same pair as the answer once drawn. */
export type FrameRequest = { index: number; slot: number };
export type FrameWorkerInput = { data: FrameWorkerData; slots: SharedArrayBuffer[] };

const { data, slots } = workerData as FrameWorkerInput;
const compositor = compositorFor(data);
const frames = slots.map((slot) => new Uint8Array(slot));

parentPort?.on("message", ({ index, slot }: FrameRequest) => {
  compositor.render(frameTime(index, data.frames), frames[slot]!);
  parentPort?.postMessage({ index, slot } satisfies FrameRequest);
});
