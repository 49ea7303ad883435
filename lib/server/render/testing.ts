import "server-only";
import { execFile } from "node:child_process";
import { ffmpegPath } from "@/lib/server/ffmpeg";

/** Test helpers that read rendered MP4s back with ffmpeg (the bundled fallback ships no ffprobe). */

async function run(args: string[], encoding: "buffer" | "utf8" = "utf8"): Promise<{ stdout: Buffer; stderr: string }> {
  const ffmpeg = await ffmpegPath();
  return new Promise((resolve, reject) => {
    execFile(ffmpeg, ["-hide_banner", ...args], { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && encoding === "buffer") reject(new Error(stderr.toString()));
      else resolve({ stdout, stderr: stderr.toString() });
    });
  });
}

/** Frames actually stored in the video stream (demuxed, not decoded). */
export async function countFrames(file: string): Promise<number> {
  const { stderr } = await run(["-i", file, "-map", "0:v:0", "-c", "copy", "-f", "null", "-"]);
  const counts = [...stderr.matchAll(/frame=\s*(\d+)/g)].map((match) => Number(match[1]));
  return counts.at(-1) ?? 0;
}

/** Mean RGB of the first or last decoded frame. */
export async function frameColour(file: string, which: "first" | "last"): Promise<[number, number, number]> {
  const select = which === "last" ? ["-sseof", "-0.2"] : [];
  const limit = which === "first" ? ["-frames:v", "1"] : [];
  const { stdout } = await run([...select, "-i", file, ...limit, "-vf", "scale=16:16", "-pix_fmt", "rgb24", "-f", "rawvideo", "-"], "buffer");
  // From the seek point to the end: the final 16×16 picture is the last frame.
  const frame = stdout.subarray(stdout.length - 16 * 16 * 3);
  const sums = [0, 0, 0];
  for (let i = 0; i < frame.length; i += 1) sums[i % 3]! += frame[i]!;
  return sums.map((sum) => Math.round(sum / 256)) as [number, number, number];
}

/** Decodes the frames with the given indices (ascending) as rgb24 pictures of `size`. */
export async function decodeFrames(file: string, size: { width: number; height: number }, indices: readonly number[]): Promise<Uint8Array[]> {
  const select = indices.map((index) => `eq(n\\,${index})`).join("+");
  const { stdout } = await run(["-i", file, "-vf", `select=${select}`, "-vsync", "0", "-pix_fmt", "rgb24", "-f", "rawvideo", "-"], "buffer");
  const bytes = size.width * size.height * 3;
  if (stdout.length !== bytes * indices.length) throw new Error(`decoded ${stdout.length} bytes, expected ${indices.length} frames of ${bytes}`);
  return indices.map((_, i) => new Uint8Array(stdout.subarray(i * bytes, (i + 1) * bytes)));
}
