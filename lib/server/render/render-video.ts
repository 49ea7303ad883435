import "server-only";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import sharp from "sharp";
import { ffmpegPath } from "@/lib/server/ffmpeg";
import { createFramePool, WORKER_FILE } from "./frame-pool";
import type { FrameWorkerData } from "./worker-compositor";
import { FPS, frameCount, outputSize } from "./output-size";
import { ownBuffer, prepareMotion, type RenderMotion } from "./prepare-motion";

export type { RenderMotion } from "./prepare-motion";

export type RenderJob = {
  /** Encoded start frame (JPG/PNG), or null for "end only". */
  start: Uint8Array | null;
  /** Encoded tail frame, or null. */
  tail: Uint8Array | null;
  durationS: number;
  outPath: string;
  /** The body's motion brush and camera, as Kling received them; absent = no brush, no camera. */
  motion?: RenderMotion;
  signal?: AbortSignal;
};
export type RenderResult = { width: number; height: number; frames: number; fps: number };

/**
 * Renders an H.264 MP4 (yuv420p, 30 fps, exactly durationS × 30 frames, about 720p at the source's
 * aspect, faststart) of the motion model (lib/motion). Frames are computed in worker threads
 * (frame-pool.ts) and streamed raw, in order, into ffmpeg's stdin, so the event loop only shuttles
 * buffers. The file appears at `outPath` only when complete.
 */
export async function renderVideo(job: RenderJob): Promise<RenderResult> {
  const data = await prepareRender(job);
  const partial = `${job.outPath}.partial`;
  try {
    await encode(await ffmpegPath(), data, partial, job.signal);
    await rename(partial, job.outPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { width: data.width, height: data.height, frames: data.frames, fps: FPS };
}

/** Everything the frame worker needs: decoded frames and masks at the output size, timed paths. */
export async function prepareRender(job: Omit<RenderJob, "outPath" | "signal">): Promise<FrameWorkerData> {
  const reference = job.start ?? job.tail;
  if (!reference) throw new Error("renderVideo needs a start or a tail frame");
  const meta = await sharp(reference).autoOrient().metadata();
  const size = outputSize(meta.autoOrient.width, meta.autoOrient.height);
  const frames = frameCount(job.durationS);
  const frame = { width: meta.autoOrient.width, height: meta.autoOrient.height };
  const [start, tail, motion] = await Promise.all([
    job.start ? decodeFitted(job.start, size, "fill") : null,
    job.tail ? decodeFitted(job.tail, size, "cover") : null,
    prepareMotion(job.motion, frame, size),
  ]);
  return { ...size, frames, start, tail, ...motion };
}

/** ffmpeg's arguments: raw RGBA frames on stdin → H.264 MP4 at `outFile` (the benchmark reuses them). */
export function encoderArgs(width: number, height: number, frames: number, outFile: string): string[] {
  return [
    ...["-hide_banner", "-loglevel", "error", "-nostdin", "-y"],
    ...["-f", "rawvideo", "-pix_fmt", "rgba", "-s", `${width}x${height}`, "-r", String(FPS), "-i", "-"],
    ...["-frames:v", String(frames), "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p"],
    ...["-movflags", "+faststart", "-f", "mp4", outFile],
  ];
}

/** Raw RGBA at exactly the output size; the tail is fitted to the start frame's size by cropping. */
async function decodeFitted(bytes: Uint8Array, size: { width: number; height: number }, fit: "fill" | "cover"): Promise<ArrayBuffer> {
  return ownBuffer(await sharp(bytes).autoOrient().resize(size.width, size.height, { fit }).ensureAlpha().raw().toBuffer());
}

function encode(ffmpeg: string, data: FrameWorkerData, outFile: string, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    signal?.throwIfAborted();
    if (!existsSync(WORKER_FILE)) throw new Error(`render worker missing at ${WORKER_FILE}: run \`next build\` or \`node scripts/build-worker.mjs\``);
    const encoder = spawn(ffmpeg, encoderArgs(data.width, data.height, data.frames, outFile), { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    let settled = false;
    let written = 0;

    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      pool.stop();
      if (error) {
        encoder.kill("SIGKILL");
        reject(error);
      } else resolve();
    };
    const onAbort = () => finish(signal?.reason instanceof Error ? signal.reason : new Error("render aborted"));
    signal?.addEventListener("abort", onAbort, { once: true });

    const pool = createFramePool(data, {
      frame(index, frame) {
        if (settled) return;
        // The slot itself goes to the pipe (no copy); it is drawn into again only after the write.
        encoder.stdin.write(frame, (error) => {
          // ffmpeg closed its input: its exit follows with the reason (e.g. a full disk) in stderr, so
          // that is what the task reports; the fallback only covers an ffmpeg that never exits.
          if (error) return void setTimeout(() => finish(new Error(`ffmpeg stopped reading frames: ${error.message}`)), 2_000).unref();
          written += 1;
          if (index === data.frames - 1) encoder.stdin.end();
          else pool.release(frame);
        });
      },
      error: finish,
    });
    encoder.stdin.on("error", () => undefined); // reported through the write callback or the exit code
    encoder.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    encoder.on("error", (error) => finish(new Error(`could not start ffmpeg: ${error.message}`)));
    encoder.on("close", (code) => {
      if (code === 0 && written >= data.frames) finish();
      else finish(new Error(`ffmpeg exited with ${code}: ${stderr.trim() || "no output"}`));
    });
  });
}
