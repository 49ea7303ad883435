import { writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { centroid, inRect, mask, meanDifference, near, rgba, type Picture, type Rgb } from "@/lib/motion/testing";
import { decodeFrames } from "@/lib/server/render/testing";
import { removeTempDirs, serveEngine, tempDir, type ServedEngine, type TaskData } from "./testing";

/*
 * The motion brush end to end: a Kling body (base64 PNG masks, bottom-left trajectories) in, an MP4
 * out, decoded back with ffmpeg. A red square travels a three-point path left to right and up; a
 * striped static band along the bottom must not move, although a blue square half inside it moves
 * along it.
 */

const FRAME = { width: 640, height: 360 };
const OUT = { width: 1280, height: 720 };
const SCALE = OUT.width / FRAME.width;
const GREY: Rgb = [128, 128, 128];
const RED: Rgb = [220, 30, 30];
const BLUE: Rgb = [30, 30, 220];
const redSquare = inRect({ x: 100, y: 130, width: 60, height: 60 });
const blueSquare = inRect({ x: 300, y: 260, width: 50, height: 60 });
const band = (_x: number, y: number) => y >= 290;
/** Top-left points the red square's centre passes, one per equal share of the clip. */
const RED_PATH = [
  { x: 130, y: 160 },
  { x: 230, y: 160 },
  { x: 510, y: 80 },
];
const toKling = (points: Array<{ x: number; y: number }>) => points.map(({ x, y }) => ({ x, y: FRAME.height - y }));

const base64 = async (data: Uint8Array, channels: 1 | 4) => (await sharp(data, { raw: { ...FRAME, channels } }).png().toBuffer()).toString("base64");
const startPixels = rgba(FRAME.width, FRAME.height, (x, y) =>
  redSquare(x, y) ? RED : blueSquare(x, y) ? BLUE : band(x, y) ? (x % 16 < 8 ? [40, 180, 40] : [230, 210, 60]) : GREY,
);

/** Where the red square's centre is expected at normalised time t, in output pixels (equal time per segment). */
function expectedCentre(t: number) {
  const u = t * (RED_PATH.length - 1);
  const i = Math.min(RED_PATH.length - 2, Math.floor(u));
  const a = RED_PATH[i]!;
  const b = RED_PATH[i + 1]!;
  return { x: (a.x + (b.x - a.x) * (u - i)) * SCALE, y: (a.y + (b.y - a.y) * (u - i)) * SCALE };
}

let served: ServedEngine | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});
afterAll(removeTempDirs);

describe("engine motion brush video", () => {
  it("moves the region along its trajectory, in front of the static mask, which stays still elsewhere", { timeout: 180_000 }, async () => {
    served = await serveEngine();
    const created = await served.call("POST", "/v1/videos/image2video", {
      model_name: "kling-v1",
      mode: "pro",
      duration: "5",
      image: await base64(startPixels, 4),
      static_mask: await base64(mask(FRAME.width, FRAME.height, band), 1),
      dynamic_masks: [
        { mask: await base64(mask(FRAME.width, FRAME.height, redSquare), 1), trajectories: toKling(RED_PATH) },
        { mask: await base64(mask(FRAME.width, FRAME.height, blueSquare), 1), trajectories: toKling([{ x: 325, y: 290 }, { x: 445, y: 290 }]) },
      ],
    });
    expect(created.body.code).toBe(0);
    const done = await served.waitForStatus((created.body.data as TaskData).task_id, "succeed");
    expect(done.task_status).toBe("succeed");
    const file = path.join(await tempDir(), "motion.mp4");
    await writeFile(file, Buffer.from(await (await fetch(done.task_result?.videos[0]?.url ?? "")).arrayBuffer()));

    const indices = [0, 75, 149];
    const frames: Picture[] = (await decodeFrames(file, OUT, indices)).map((data) => ({ ...OUT, channels: 3, data }));
    frames.forEach((frame, i) => {
      const at = centroid(frame, near(RED, 60));
      const expected = expectedCentre(indices[i]! / 149);
      expect(Math.hypot(at.x - expected.x, at.y - expected.y), `frame ${indices[i]}: ${at.x},${at.y} vs ${expected.x},${expected.y}`).toBeLessThan(3);
    });

    // Static band (a margin inside its edge, where H.264 blurs): still, except where the blue square
    // passes in front of it (regions are drawn over static areas); its own part on the band stays home.
    const still = (x: number, y: number) => y >= 290 * SCALE + 4;
    const blueAt = (t: number) => (325 + 120 * t) * SCALE;
    const home = (x: number, y: number) => still(x, y) && x >= 300 * SCALE + 4 && x < 350 * SCALE - 4;
    frames.slice(1).forEach((frame, i) => {
      const centre = blueAt(indices[i + 1]! / 149);
      const passing = (x: number) => Math.abs(x - centre) < 25 * SCALE + 12;
      expect(meanDifference(frame, frames[0]!, (x, y) => still(x, y) && !passing(x))).toBeLessThan(3);
      if (!passing(300 * SCALE)) expect(meanDifference(frame, frames[0]!, home)).toBeLessThan(4);
      // Above the band, the blue square travelled.
      const above: Picture = { ...frame, height: 290 * SCALE - 4, data: frame.data.subarray(0, OUT.width * (290 * SCALE - 4) * 3) };
      expect(Math.abs(centroid(above, near(BLUE, 60)).x - centre)).toBeLessThan(3);
    });
    // Where the red square was, the grey background shows again: no hole, no ghost.
    const vacated = (x: number, y: number) => redSquare(x / SCALE, y / SCALE);
    const grey: Picture = { ...OUT, channels: 3, data: new Uint8Array(OUT.width * OUT.height * 3).fill(128) };
    expect(meanDifference(frames[2]!, grey, vacated)).toBeLessThan(6);
  });
});
