import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpegPath } from "../ffmpeg";
import type { BlobStore } from "../storage/blob-store";
import { createFileBlobStore } from "../storage/folder-blob-store";
import { extractPoster, loadPoster, posterKey, videoKey } from "./poster";

const run = promisify(execFile);
let dir: string;
let blobs: BlobStore;

/** A video whose first half is `first` and second half `then`, so the poster's frame is identifiable. */
async function makeVideo(file: string, size: string, first: string, then: string): Promise<void> {
  await run(await ffmpegPath(), [
    ...["-hide_banner", "-loglevel", "error", "-y"],
    ...["-f", "lavfi", "-i", `color=c=${first}:s=${size}:d=0.4:r=10`, "-f", "lavfi", "-i", `color=c=${then}:s=${size}:d=0.4:r=10`],
    ...["-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p", file],
  ]);
}

async function meanColour(jpeg: Buffer): Promise<number[]> {
  const { channels } = await sharp(jpeg).stats();
  return channels.slice(0, 3).map((channel) => Math.round(channel.mean));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "poster-test-"));
  blobs = createFileBlobStore(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("extractPoster", () => {
  it("returns the first frame as a JPEG at the video's size", async () => {
    const file = path.join(dir, "red-then-blue.mp4");
    await makeVideo(file, "320x240", "red", "blue");
    const poster = await extractPoster(file);
    const meta = await sharp(poster).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 320, height: 240 });
    const [r, g, b] = await meanColour(poster);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(40);
    expect(b).toBeLessThan(40);
  });

  it("scales a wide video down to 1280 px, keeping the aspect ratio", async () => {
    const file = path.join(dir, "wide.mp4");
    await makeVideo(file, "1600x400", "green", "green");
    const meta = await sharp(await extractPoster(file)).metadata();
    expect(meta).toMatchObject({ width: 1280, height: 320 });
  });

  it("rejects a file that is not a video", async () => {
    const file = path.join(dir, "not-a-video.mp4");
    await writeFile(file, "hello");
    await expect(extractPoster(file)).rejects.toThrow(/poster extraction failed/);
  });
});

describe("loadPoster", () => {
  it("extracts a missing poster from the stored video once, then serves the stored one", async () => {
    const source = path.join(dir, "blue-then-red.mp4");
    await makeVideo(source, "320x240", "blue", "red");
    await blobs.put(videoKey("tsk_a"), await readFile(source));
    expect(await blobs.stat(posterKey("tsk_a"))).toBeNull();

    const first = await loadPoster(blobs, "tsk_a");
    expect(first).not.toBeNull();
    const [r, , b] = await meanColour(first!);
    expect(b).toBeGreaterThan(200);
    expect(r).toBeLessThan(40);
    expect((await blobs.stat(posterKey("tsk_a")))?.size).toBe(first!.length);

    await blobs.put(posterKey("tsk_a"), Buffer.from([0xff, 0xd8, 0x01]));
    expect(await loadPoster(blobs, "tsk_a")).toEqual(Buffer.from([0xff, 0xd8, 0x01]));
  });

  it("returns null when the task has no stored video", async () => {
    expect(await loadPoster(blobs, "tsk_none")).toBeNull();
  });
});
