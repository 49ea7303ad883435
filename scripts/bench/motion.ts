import { spawn } from "node:child_process";
import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { frameTime } from "@/lib/motion/model";
import { inRect, mask, rgba } from "@/lib/motion/testing";
import { ffmpegPath } from "@/lib/server/ffmpeg";
import { compositorFor, type FrameWorkerData } from "@/lib/server/render/worker-compositor";
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
  const compositor = compositorFor(data);
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

/** CPU seconds used so far by this process (all threads) and by its finished children (ffmpeg), from /proc. */
async function cpuSeconds(): Promise<{ own: number; children: number }> {
  const stat = await readFile("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
  // After the command name: state is field 0, utime 11, stime 12, cutime 13, cstime 14 (clock ticks).
  const tick = 100;
  return { own: (fields[11]! + fields[12]!) / tick, children: (fields[13]! + fields[14]!) / tick };
}

async function measured<T>(run: () => Promise<T>): Promise<{ wall: number; own: number; children: number }> {
  const before = await cpuSeconds();
  const started = performance.now();
  await run();
  const wall = (performance.now() - started) / 1000;
  const after = await cpuSeconds();
  return { wall, own: after.own - before.own, children: after.children - before.children };
}

/** ffmpeg alone: the same arguments, reading the pre-rendered frames from a file on stdin. */
async function encodeAlone(data: FrameWorkerData, rawFile: string, outFile: string): Promise<void> {
  const ffmpeg = await ffmpegPath();
  const input = await open(rawFile, "r");
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(ffmpeg, encoderArgs(data.width, data.height, data.frames, outFile), { stdio: [input.fd, "ignore", "inherit"] });
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`))));
    });
  } finally {
    await input.close();
  }
}

/**
 * Preview engine render time against ffmpeg's own encode time for the same frames (5 s at 720p from
 * 1920×1080, the same arguments, frames read from a file): wall time, and CPU time (ours and
 * ffmpeg's), which a loaded machine distorts less. The renderer computes frames in a worker while
 * ffmpeg encodes, so the ratio is what the motion model costs on top of the encode.
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
      const render = await measured(() => renderVideo({ ...job, outPath: path.join(dir, "render.mp4") }));
      const data = await prepareRender(job);
      const raw = path.join(dir, "frames.rgba");
      await writeFrames(data, raw);
      const encode = await measured(() => encodeAlone(data, raw, path.join(dir, "encode.mp4")));
      await rm(raw);
      const renderCpu = render.own + render.children;
      rows.push([
        `${label} (${data.width}×${data.height}, ${data.frames} fr)`,
        `wall: render ${render.wall.toFixed(2)} s, ffmpeg alone ${encode.wall.toFixed(2)} s, ratio ${(render.wall / encode.wall).toFixed(2)}×; ` +
          `CPU: render ${renderCpu.toFixed(1)} s (ours ${render.own.toFixed(1)} + ffmpeg ${render.children.toFixed(1)}), ffmpeg alone ${encode.children.toFixed(1)} s, ratio ${(renderCpu / encode.children).toFixed(2)}×`,
      ]);
    }
    report("Motion render vs ffmpeg's own encode of the same frames (5 s clips)", rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
