import "server-only";
import sharp from "sharp";
import type { KlingPoint } from "@/lib/geometry/kling-origin";
import type { Size } from "@/lib/geometry/types";
import type { CameraInput } from "@/lib/motion/camera";
import { timedPathFromKling } from "@/lib/motion/timed-path";
import type { WorkerMotion } from "./worker-compositor";

/** The motion part of a Kling body, as the engine received it (masks still encoded). */
export type RenderMotion = {
  /** Encoded static mask (PNG/JPG, white = painted), or null. */
  staticMask: Uint8Array | null;
  /** Dynamic masks with their trajectories in Kling's bottom-left pixels of the input image. */
  regions: ReadonlyArray<{ mask: Uint8Array; trajectory: readonly KlingPoint[] }>;
  camera: CameraInput | null;
};

const NO_MOTION: WorkerMotion = { staticMask: null, regions: [], camera: null };

/**
 * Decodes masks to one byte per pixel at the output size and turns trajectories into timed paths in
 * output pixels (flipped to top-left, scaled from the input image's pixels), ready for the worker.
 */
export async function prepareMotion(motion: RenderMotion | undefined, frame: Size, output: Size): Promise<WorkerMotion> {
  if (!motion) return NO_MOTION;
  const [staticMask, ...masks] = await Promise.all([
    motion.staticMask ? decodeMask(motion.staticMask, output) : null,
    ...motion.regions.map((region) => decodeMask(region.mask, output)),
  ]);
  return {
    staticMask: staticMask ?? null,
    regions: motion.regions.map((region, i) => {
      const path = timedPathFromKling(region.trajectory, frame, output);
      return { mask: masks[i]!, xs: path.xs, ys: path.ys };
    }),
    camera: motion.camera,
  };
}

/**
 * A mask as coverage 0..255 at the output size: transparent counts as unpainted, colour as its
 * luminance (white = painted). Masks share the image's aspect (checked before rendering), so
 * stretching to the output size only scales them.
 */
async function decodeMask(bytes: Uint8Array, output: Size): Promise<ArrayBuffer> {
  const raw = await sharp(bytes)
    .autoOrient()
    .flatten({ background: "#000000" })
    .toColourspace("b-w")
    .resize(output.width, output.height, { fit: "fill" })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return ownBuffer(raw);
}

/** A transferable buffer must own its whole ArrayBuffer; sharp's may be a slice of a pool. */
export function ownBuffer(raw: Buffer): ArrayBuffer {
  return raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength ? (raw.buffer as ArrayBuffer) : new Uint8Array(raw).buffer;
}
