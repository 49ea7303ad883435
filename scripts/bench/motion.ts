import { spawn } from "node:child_process";
import { open, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { createCompositor } from "@/lib/motion/compositor";
import { frameTime } from "@/lib/motion/model";
import { inRect, mask, rgba } from "@/lib/motion/testing";
import { ffmpegPath } from "@/lib/server/ffmpeg";
import type { FrameWorkerData } from "@/lib/server/render/frame-worker";
import { encoderArgs, prepareRender, renderVideo, type RenderJob, type RenderMotion } from "@/lib/server/render/render-video";
import { report } from "./stats";

const FRAME = { width: 1920, height: 1080 };
const REGIONS = 6;

/** Six squares along the middle, each with its own three-point path, and a static band at the bottom. */
const squares = Array.from({ length: REGIONS }, (_, i) => inRect({ x: 120 + i * 300, y: 380, width: 200, height: 200 }));

/** A textured start frame (gradient plus a fine checker), so x264 has real detail to encode. */
function startFrame(): Uint8Array {
  return rgba(FRAME.width, FRAME.height, (x, y) => {
    const inside = squares.findIndex((square) => square(x, y));
    if (inside >= 0) return [40 + inside * 35, 200 - inside * 25, 90 + ((x + y) % 40)];
    const checker = ((x >> 3) + (y >> 3)) % 2 === 0 ? 18 : 0;
    return [(x * 200) / FRAME.width + checker, (y * 180) / FRAME.height + checker, 120 + checker];
  });
}

/** A different texture for the tail frame: diagonal stripes. */
function tailFrame(): Uint8Array {
  return rgba(FRAME.width, FRAME.height, (x, y) => (((x + y) >> 4) % 2 === 0 ? [200, 120, 60] : [60, 90, 160]));
}

async function png(data: Uint8Array, channels: 1 | 4): Promise<Buffer> {
  return sharp(data, { raw: { ...FRAME, channels } }).png().toBuffer();
}

async function brush(): Promise<RenderMotion> {
  const regions = await Promise.all(
    squares.map(async (square, i) => {
      const cx = 220 + i * 300;
      // Kling's bottom-left origin: y = height − top-left y.
      const trajectory = [
        { x: cx, y: FRAME.height - 480 },
        { x: cx + 80, y: FRAME.height - 300 + i * 20 },
        { x: cx - 60, y: FRAME.height - 200 },
      ];
      return { mask: await png(mask(FRAME.width, FRAME.height, square), 1), trajectory };
    }),
  );
  return { staticMask: await png(mask(FRAME.width, FRAME.height, (_x, y) => y >= 900), 1), regions, camera: null };
}

/** The same frames the renderer computes, written once to a raw file (not timed). */
async function writeFrames(data: FrameWorkerData, file: string): Promise<void> {
  const bytes = (buffer: ArrayBuffer | null) => (buffer ? new Uint8Array(buffer) : null);
  const compositor = createCompositor({
    width: data.width,
    height: data.height,
    start: bytes(data.start),
    tail: bytes(data.tail),
    staticMask: bytes(data.staticMask),
    regions: data.regions.map((region) => ({ mask: new Uint8Array(region.mask), path: { xs: region.xs, ys: region.ys } })),
    camera: data.camera,
  });
  const handle = await open(file, "w");
  const frame = new Uint8Array(data.width * data.height * 4);
  try {
    for (let i = 0; i < data.frames; i += 1) {
      compositor.render(frameTime(i, data.frames), frame);
      await handle.write(frame);
    }
  } finally {
    await handle.close();
  }
}

/** ffmpeg alone: the same arguments, reading the pre-rendered frames from a file on stdin. */
async function timeEncode(data: FrameWorkerData, rawFile: string, outFile: string): Promise<number> {
  const ffmpeg = await ffmpegPath();
  const input = await open(rawFile, "r");
  try {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(ffmpeg, encoderArgs(data.width, data.height, data.frames, outFile), { stdio: [input.fd, "ignore", "inherit"] });
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`))));
    });
    return (performance.now() - started) / 1000;
  } finally {
    await input.close();
  }
}

/**
 * Preview engine render time against ffmpeg's own encode time for the same frames (5 s at 720p from
 * 1920×1080): the renderer computes frames in a worker while ffmpeg encodes, so the ratio is what the
 * motion model costs on top of the encode.
 */
export async function benchMotionRender(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "motion-bench-"));
  try {
    const start = await png(startFrame(), 4);
    const tail = await png(tailFrame(), 4);
    const cases: Array<[string, Omit<RenderJob, "outPath">]> = [
      ["start + tail frame", { start, tail, durationS: 5 }],
      ["camera (right_turn_forward)", { start, tail: null, durationS: 5, motion: { staticMask: null, regions: [], camera: { type: "right_turn_forward" } } }],
      [`${REGIONS} regions + static mask`, { start, tail: null, durationS: 5, motion: await brush() }],
    ];
    const rows: Array<[string, string]> = [];
    for (const [label, job] of cases) {
      const started = performance.now();
      const result = await renderVideo({ ...job, outPath: path.join(dir, "render.mp4") });
      const render = (performance.now() - started) / 1000;
      const data = await prepareRender(job);
      const raw = path.join(dir, "frames.rgba");
      await writeFrames(data, raw);
      const encode = await timeEncode(data, raw, path.join(dir, "encode.mp4"));
      await rm(raw);
      rows.push([
        `${label} (${result.width}×${result.height}, ${result.frames} fr)`,
        `render ${render.toFixed(2)} s, ffmpeg alone ${encode.toFixed(2)} s, ratio ${(render / encode).toFixed(2)}×`,
      ]);
    }
    report("Motion render vs ffmpeg's own encode of the same frames (5 s clips)", rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
