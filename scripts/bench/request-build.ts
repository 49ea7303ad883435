import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { buildKlingRequest } from "@/lib/kling/build-request";
import { recipeSchema, type VectorMask } from "@/lib/recipe/schema";
import { rasterizeMask } from "@/lib/server/rasterize";
import { ms, report, summarize } from "./stats";

const SIZE = 4096;

/** A mask with a few long brush strokes, like a hand-painted region. */
function paintedMask(seed: number): VectorMask {
  const strokes = Array.from({ length: 6 }, (_, s) => ({
    op: "paint" as const,
    size: 80 + 20 * s,
    points: Array.from({ length: 120 }, (_, i) => ({
      x: (seed * 600 + i * 25 + s * 40) % SIZE,
      y: 300 + seed * 500 + Math.sin((i + s) / 9) * 200,
    })),
  }));
  return { strokes };
}

export async function benchRequestBuild(): Promise<void> {
  const frame = await sharp({ create: { width: SIZE, height: SIZE, channels: 3, background: "#446688" } }).jpeg({ quality: 85 }).toBuffer();
  const recipe = recipeSchema.parse({
    version: 1,
    model: "kling-v1",
    mode: "pro",
    startFrame: "benchframe01",
    staticMask: paintedMask(0),
    regions: Array.from({ length: 6 }, (_, r) => ({
      mask: paintedMask(r + 1),
      trajectory: Array.from({ length: 400 }, (_, i) => ({ x: 200 + i * 8, y: 3800 - i * 7 - r * 40 })),
    })),
  });
  const samples: number[] = [];
  let maskBytes = 0;
  for (let run = 0; run < 3; run++) {
    maskBytes = 0;
    const started = performance.now();
    const body = await buildKlingRequest(recipe, {
      frameSize: { width: SIZE, height: SIZE },
      loadAssetBase64: async () => frame.toString("base64"),
      rasterizeMask: async (mask, size) => {
        const png = await rasterizeMask(mask, size, async () => frame);
        maskBytes += png.length;
        return png.toString("base64");
      },
      externalTaskId: `bench-${run}`,
    });
    samples.push(performance.now() - started);
    if (!body.dynamic_masks || body.dynamic_masks.length !== 6) throw new Error("bench request lacks its 6 regions");
  }
  const raw = 7 * SIZE * SIZE;
  const { p50, mean } = summarize(samples);
  report("Request build: 4096×4096 frame, static mask + 6 regions (3 runs)", [
    ["build time p50 / mean", `${ms(p50)} / ${ms(mean)}`],
    ["mask PNG bytes (7 masks)", `${(maskBytes / 1024).toFixed(1)} kB`],
    ["raw 8-bit mask pixels (7 × 4096²)", `${(raw / 1024 / 1024).toFixed(1)} MB`],
    ["compression (raw / PNG)", `${(raw / maskBytes).toFixed(0)}×`],
  ]);
}
