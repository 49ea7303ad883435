import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { renderVideo } from "@/lib/server/render/render-video";
import { makeImage } from "../../tests/support/fixtures";
import { report } from "./stats";

/** Preview engine render time for 5 s and 10 s clips from a 1920×1080 start frame. */
export async function benchEngineRender(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "motion-bench-"));
  try {
    const start = await makeImage(1920, 1080, { square: { x: 300, y: 300, size: 200, color: "#e03030" } });
    const tail = await makeImage(1920, 1080, { background: "#a0522d" });
    const rows: Array<[string, string]> = [];
    for (const durationS of [5, 10]) {
      const started = performance.now();
      const result = await renderVideo({ start, tail, durationS, outPath: path.join(dir, `clip-${durationS}.mp4`) });
      const seconds = (performance.now() - started) / 1000;
      rows.push([`${durationS} s clip (${result.width}×${result.height}, ${result.frames} frames)`, `${seconds.toFixed(2)} s (${(result.frames / seconds).toFixed(0)} frames/s)`]);
    }
    report("Preview engine render (start + tail frame)", rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
