import "server-only";
import { execFile } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/server/env";

/**
 * The one place that decides which ffmpeg the server runs (renders, posters, probes). Order:
 * FFMPEG_PATH when set; else an `ffmpeg` on PATH (Debian's is current and patched); else the binary
 * of @ffmpeg-installer/ffmpeg, a static build from 2018 that should not decode files from the
 * internet but keeps a bare `npm install` working.
 */
export type FfmpegSource = "FFMPEG_PATH" | "system" | "bundled";
export type FfmpegBinary = { path: string; source: FfmpegSource };

export type FfmpegSearch = {
  /** FFMPEG_PATH: an absolute path, or a command name looked up on `searchPath`. */
  configured: string | undefined;
  /** The PATH variable. */
  searchPath: string | undefined;
  /** Where the bundled binary is, if its package loads on this platform. */
  bundled: () => Promise<string | undefined>;
};

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onSearchPath(name: string, searchPath: string | undefined): string | undefined {
  const dirs = (searchPath ?? "").split(path.delimiter).filter((dir) => path.isAbsolute(dir));
  return dirs.map((dir) => path.join(dir, name)).find(isExecutableFile);
}

export async function resolveFfmpeg(search: FfmpegSearch): Promise<FfmpegBinary> {
  if (search.configured) {
    const found = search.configured.includes("/") ? search.configured : onSearchPath(search.configured, search.searchPath);
    if (!found || !isExecutableFile(found)) throw new Error(`Invalid configuration: FFMPEG_PATH: ${search.configured} is not an executable file`);
    return { path: path.resolve(found), source: "FFMPEG_PATH" };
  }
  const system = onSearchPath("ffmpeg", search.searchPath);
  if (system) return { path: system, source: "system" };
  const bundled = await search.bundled();
  if (bundled && isExecutableFile(bundled)) return { path: bundled, source: "bundled" };
  throw new Error("No ffmpeg found: install one (e.g. apt-get install ffmpeg) or set FFMPEG_PATH");
}

/** The installer package throws on import where it has no binary for the platform; that only means "none". */
async function bundledFfmpeg(): Promise<string | undefined> {
  try {
    // CommonJS: a namespace with `default` under Node's ESM loader, the bare exports under some bundlers.
    const installer: { path?: string; default?: { path?: string } } = await import("@ffmpeg-installer/ffmpeg");
    return installer.default?.path ?? installer.path;
  } catch {
    return undefined;
  }
}

let resolved: Promise<FfmpegBinary> | undefined;

/** The process's ffmpeg, resolved once. */
export function ffmpegBinary(): Promise<FfmpegBinary> {
  resolved ??= resolveFfmpeg({ configured: getEnv().FFMPEG_PATH, searchPath: process.env.PATH, bundled: bundledFfmpeg });
  return resolved;
}

export async function ffmpegPath(): Promise<string> {
  return (await ffmpegBinary()).path;
}

/** "5.1.9-0+deb12u1" from the first line of `ffmpeg -version`. */
export function ffmpegVersion(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, ["-version"], { timeout: 10_000 }, (error, stdout) => {
      const version = /^ffmpeg version (\S+)/m.exec(stdout)?.[1];
      if (version) resolve(version);
      else reject(new Error(`${file} -version: ${error?.message ?? "no version line"}`));
    });
  });
}

/** For the start-up log: which binary, where it came from, which version. */
export async function describeFfmpeg(): Promise<FfmpegBinary & { version: string }> {
  const binary = await ffmpegBinary();
  return { ...binary, version: await ffmpegVersion(binary.path) };
}
