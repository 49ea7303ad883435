import "server-only";
import { execFile } from "node:child_process";
import { ffmpegPath } from "../ffmpeg";
import type { BlobStore } from "../storage/blob-store";
import { withLocalCopy } from "../storage/local-copy";

/** Where a task's poster lives beside its video (`videos/<id>.mp4`). */
export const posterKey = (taskId: string) => `posters/${taskId}.jpg`;
export const videoKey = (taskId: string) => `videos/${taskId}.mp4`;

/** Wide enough for Open Graph's 1200 px cards, small enough to load fast on a library grid. */
export const MAX_POSTER_WIDTH = 1280;
const EXTRACT_TIMEOUT_MS = 30_000;

/**
 * The video's first frame as a JPEG. The first frame, not a middle one: it is what the player shows
 * before playing, so poster → playback never jumps (and Kling's first frame is the start frame).
 */
export async function extractPoster(videoFile: string): Promise<Buffer> {
  const ffmpeg = await ffmpegPath();
  const args = [
    ...["-hide_banner", "-loglevel", "error", "-nostdin", "-i", videoFile],
    ...["-frames:v", "1", "-an", "-vf", `scale='min(${MAX_POSTER_WIDTH},iw)':-2`],
    ...["-c:v", "mjpeg", "-q:v", "3", "-f", "image2pipe", "pipe:1"],
  ];
  return new Promise((resolve, reject) => {
    execFile(ffmpeg, args, { encoding: "buffer", maxBuffer: 32 * 1024 * 1024, timeout: EXTRACT_TIMEOUT_MS }, (error, stdout, stderr) => {
      // A JPEG starts with FF D8; anything else means ffmpeg could not decode a frame.
      if (error || stdout.length < 2 || stdout[0] !== 0xff || stdout[1] !== 0xd8) {
        reject(new Error(`poster extraction failed: ${stderr.toString().trim().split("\n").at(-1) ?? "no frame"}`));
      } else resolve(stdout);
    });
  });
}

/** Extracts and stores the poster of a video the caller already holds as a local file. */
export async function storePosterFrom(blobs: BlobStore, taskId: string, videoFile: string): Promise<void> {
  await blobs.put(posterKey(taskId), await extractPoster(videoFile));
}

/** Extracts and stores the poster of a stored video (through a temporary local copy). */
export async function storePoster(blobs: BlobStore, taskId: string): Promise<void> {
  await withLocalCopy(blobs, videoKey(taskId), (file) => storePosterFrom(blobs, taskId, file));
}

/**
 * The poster's bytes, extracting it first when missing (videos stored before posters existed, or a
 * failed extraction at store time). Null when the task has no stored video.
 */
export async function loadPoster(blobs: BlobStore, taskId: string): Promise<Buffer | null> {
  const existing = await blobs.get(posterKey(taskId));
  if (existing) return existing;
  return (await ensurePoster(blobs, taskId)) ? blobs.get(posterKey(taskId)) : null;
}

/** Whether the poster is stored, extracting it first when missing (as loadPoster), for streaming it with ranges. */
export async function ensurePoster(blobs: BlobStore, taskId: string): Promise<boolean> {
  if ((await blobs.stat(posterKey(taskId))) !== null) return true;
  if ((await blobs.stat(videoKey(taskId))) === null) return false;
  await storePoster(blobs, taskId);
  return true;
}
