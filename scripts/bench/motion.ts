import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { inRect, mask, rgba } from "@/lib/motion/testing";
import { renderVideo, type RenderMotion } from "@/lib/server/render/render-video";
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

async function png(data: Uint8Array, channels: 1 | 4): Promise<Buffer> {
  return sharp(data, { raw: { ...FRAME, channels } }).png().toBuffer();
}

async function motion(): Promise<RenderMotion> {
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

/** Preview engine render time of the motion model: 6 moving regions + a static mask, 5 s and 10 s at 720p. */
export async function benchMotionRender(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "motion-bench-"));
  try {
    const start = await png(startFrame(), 4);
    const brush = await motion();
    // The last case adds a camera (exclusive with the brush in Kling, defined in the model): the worst case.
    const cases: Array<[number, RenderMotion, string]> = [
      [5, brush, ""],
      [10, brush, ""],
      [5, { ...brush, camera: { type: "right_turn_forward" } }, ", + camera"],
    ];
    const rows: Array<[string, string]> = [];
    for (const [durationS, job, note] of cases) {
      const started = performance.now();
      const result = await renderVideo({ start, tail: null, durationS, outPath: path.join(dir, `motion-${durationS}.mp4`), motion: job });
      const seconds = (performance.now() - started) / 1000;
      rows.push([`${durationS} s clip (${result.width}×${result.height}, ${result.frames} frames${note})`, `${seconds.toFixed(2)} s (${(result.frames / seconds).toFixed(0)} frames/s)`]);
    }
    report(`Motion render (${REGIONS} moving regions + static mask, from ${FRAME.width}×${FRAME.height})`, rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
