/*
 * What the render worker receives (FrameWorkerData) and the compositor it builds from it: one place,
 * shared by the worker (frame-worker.ts) and the benchmark that writes the same frames for ffmpeg.
 * Bundled into the worker, so plain code: no "server-only", no Node imports.
 */
import type { CameraInput } from "@/lib/motion/camera";
import { createCompositor, type Compositor, type CompositorInput } from "@/lib/motion/compositor";

/** Masks are one byte per pixel at the output size; paths are timed paths in output pixels. */
export type WorkerMotion = {
  staticMask: ArrayBuffer | null;
  regions: Array<{ mask: ArrayBuffer; xs: Float64Array; ys: Float64Array }>;
  camera: CameraInput | null;
};
export type FrameWorkerData = WorkerMotion & { width: number; height: number; frames: number; start: ArrayBuffer | null; tail: ArrayBuffer | null };

const bytes = (buffer: ArrayBuffer | null) => (buffer ? new Uint8Array(buffer) : null);

/** The compositor's input for a render's data: views on its buffers, nothing copied. */
export function compositorInput(data: FrameWorkerData): CompositorInput {
  return {
    width: data.width,
    height: data.height,
    start: bytes(data.start),
    tail: bytes(data.tail),
    staticMask: bytes(data.staticMask),
    regions: data.regions.map((region) => ({ mask: new Uint8Array(region.mask), path: { xs: region.xs, ys: region.ys } })),
    camera: data.camera,
  };
}

export function compositorFor(data: FrameWorkerData): Compositor {
  return createCompositor(compositorInput(data));
}

