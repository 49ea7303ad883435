import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpegBinary, ffmpegVersion, resolveFfmpeg } from "./ffmpeg";

let root: string;
const dirs: Record<"system" | "other" | "bundled" | "empty", string> = { system: "", other: "", bundled: "", empty: "" };

/** A stand-in executable printing an ffmpeg-like version line. */
async function fakeFfmpeg(dir: string, version: string): Promise<string> {
  const file = path.join(dir, "ffmpeg");
  await writeFile(file, `#!/bin/sh\necho "ffmpeg version ${version} Copyright (c) the FFmpeg developers"\n`);
  await chmod(file, 0o755);
  return file;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ffmpeg-resolve-"));
  for (const name of Object.keys(dirs) as Array<keyof typeof dirs>) {
    dirs[name] = path.join(root, name);
    await mkdir(dirs[name]);
  }
  await fakeFfmpeg(dirs.system, "6.1-system");
  await fakeFfmpeg(dirs.other, "7.0-configured");
  await fakeFfmpeg(dirs.bundled, "2018-bundled");
  // Not executable: must be skipped like a missing file.
  await writeFile(path.join(dirs.empty, "ffmpeg"), "not a program");
});
afterAll(() => rm(root, { recursive: true, force: true }));

const bundled = () => Promise.resolve(path.join(dirs.bundled, "ffmpeg"));
const searchPath = () => [dirs.empty, dirs.system].join(path.delimiter);

describe("resolveFfmpeg", () => {
  it("uses FFMPEG_PATH when set, as a path or as a command name on PATH", async () => {
    const configured = path.join(dirs.other, "ffmpeg");
    expect(await resolveFfmpeg({ configured, searchPath: searchPath(), bundled })).toEqual({ path: configured, source: "FFMPEG_PATH" });
    expect(await resolveFfmpeg({ configured: "ffmpeg", searchPath: dirs.other, bundled })).toEqual({ path: configured, source: "FFMPEG_PATH" });
  });

  it("stops with a clear message when FFMPEG_PATH names no executable", async () => {
    await expect(resolveFfmpeg({ configured: path.join(dirs.empty, "ffmpeg"), searchPath: searchPath(), bundled })).rejects.toThrow(/^Invalid configuration: FFMPEG_PATH: .* is not an executable file$/);
    await expect(resolveFfmpeg({ configured: "/nowhere/ffmpeg", searchPath: searchPath(), bundled })).rejects.toThrow(/FFMPEG_PATH/);
  });

  it("prefers an ffmpeg on PATH over the bundled one, skipping non-executables", async () => {
    expect(await resolveFfmpeg({ configured: undefined, searchPath: searchPath(), bundled })).toEqual({ path: path.join(dirs.system, "ffmpeg"), source: "system" });
  });

  it("falls back to the bundled binary, and fails when there is none", async () => {
    expect(await resolveFfmpeg({ configured: undefined, searchPath: dirs.empty, bundled })).toEqual({ path: path.join(dirs.bundled, "ffmpeg"), source: "bundled" });
    await expect(resolveFfmpeg({ configured: undefined, searchPath: dirs.empty, bundled: () => Promise.resolve(undefined) })).rejects.toThrow(/No ffmpeg found/);
  });
});

describe("ffmpegVersion", () => {
  it("reads the version from the first line of -version", async () => {
    expect(await ffmpegVersion(path.join(dirs.system, "ffmpeg"))).toBe("6.1-system");
  });

  it("reports this machine's choice: the system ffmpeg when FFMPEG_PATH is unset", async () => {
    const binary = await ffmpegBinary();
    expect(binary.source).toBe(process.env.FFMPEG_PATH ? "FFMPEG_PATH" : "system");
    expect(await ffmpegVersion(binary.path)).toMatch(/^\d/);
  });
});
