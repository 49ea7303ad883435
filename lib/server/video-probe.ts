import "server-only";
import { execFile } from "node:child_process";
import { ffmpegPath } from "@/lib/server/ffmpeg";

export type VideoInfo = { width: number; height: number; durationS: number; codec: string; pixelFormat: string; fps: number };

/** Reads an MP4's stream header with ffmpeg (the bundled fallback ships no ffprobe). */
export async function probeVideo(file: string): Promise<VideoInfo> {
  const ffmpeg = await ffmpegPath();
  return new Promise((resolve, reject) => {
    // ffmpeg exits non-zero when given no output; the header on stderr is all we need.
    execFile(ffmpeg, ["-hide_banner", "-i", file], (_error, _stdout, stderr) => {
      const info = parseFfmpegHeader(stderr);
      if (info) resolve(info);
      else reject(new Error(`not a readable video: ${file}`));
    });
  });
}

export function parseFfmpegHeader(text: string): VideoInfo | null {
  const video = /Stream #.*Video: (\w+)[^,]*, (\w+)[^,]*(?:\([^)]*\))?, (\d+)x(\d+)/.exec(text);
  const duration = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(text);
  const fps = /, (\d+(?:\.\d+)?) fps/.exec(text);
  if (!video || !duration) return null;
  const [, codec = "", pixelFormat = "", width = "0", height = "0"] = video;
  const [, h = "0", m = "0", s = "0"] = duration;
  return { codec, pixelFormat, width: Number(width), height: Number(height), durationS: Number(h) * 3600 + Number(m) * 60 + Number(s), fps: fps ? Number(fps[1]) : 0 };
}
