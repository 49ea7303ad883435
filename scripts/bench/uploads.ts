import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { startApp } from "../../tests/support/app-server";
import { upload } from "../../tests/support/fixtures";
import { ownerFetch } from "../../tests/support/owner-fetch";
import { ms, report, summarize } from "./stats";

const SIDE = 8000;
const UPLOADS = 6;
const CONFIG_POLL_MS = 50;

/** A smooth 8000 × 8000 picture, tinted per upload so each is a distinct image; WebP keeps it small. */
async function bigWebp(tint: number): Promise<Buffer> {
  const small = 256;
  const pixels = Buffer.alloc(small * small * 3);
  for (let y = 0; y < small; y++) {
    for (let x = 0; x < small; x++) pixels.set([x, y, (tint * 40 + ((x * y) >> 8)) & 255], (y * small + x) * 3);
  }
  return sharp(pixels, { raw: { width: small, height: small, channels: 3 } }).resize(SIDE, SIDE).webp({ quality: 80 }).toBuffer();
}

/** The server process: the one whose environment holds this app's DATA_DIR (Next renames its title). */
function serverPid(dataDir: string): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(`DATA_DIR=${dataDir}`)) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no server process found for ${dataDir}`);
}

/** User + system CPU seconds of a process, all its threads (libvips and libuv workers included). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmHWM:")) ?? "0";
  return Number(line.replace(/\D+/g, "")) / 1024;
}

/**
 * Six concurrent uploads of an 8000 × 8000 WebP against the built app: the CPU each costs the server,
 * how long each takes, and how GET /api/config answers meanwhile (decodes run one per core, off the
 * event loop, so it should stay quick).
 */
export async function benchUploads(): Promise<void> {
  const images = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => bigWebp(i)));
  const app = await startApp({ env: { LOG_LEVEL: "warn" } });
  try {
    const pid = serverPid(app.dataDir);
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await (await ownerFetch(`${app.url}/api/config`)).arrayBuffer();
      idle.push(performance.now() - started);
    }

    const cpuBefore = cpuSeconds(pid);
    const started = performance.now();
    const uploadTimes: number[] = [];
    const statuses: number[] = [];
    let running = true;
    const uploads = Promise.all(
      images.map(async (image) => {
        const response = await upload(app.url, image, "big.webp", "image/webp");
        await response.arrayBuffer();
        statuses.push(response.status);
        uploadTimes.push(performance.now() - started);
      }),
    ).finally(() => (running = false));
    const busy: number[] = [];
    while (running) {
      const sent = performance.now();
      await (await ownerFetch(`${app.url}/api/config`)).arrayBuffer();
      busy.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, CONFIG_POLL_MS));
    }
    await uploads;
    const wall = performance.now() - started;
    const cpu = cpuSeconds(pid) - cpuBefore;

    const times = summarize(uploadTimes);
    const config = summarize(busy);
    const calm = summarize(idle);
    report(`${UPLOADS} concurrent uploads of a ${SIDE} × ${SIDE} WebP (${(images[0]!.length / 1024).toFixed(0)} kB each), ${os.availableParallelism()} cores`, [
      ["answers", statuses.sort().join(", ")],
      ["server CPU per upload", `${((cpu / UPLOADS) * 1000).toFixed(0)} ms`],
      ["all uploads done after", ms(wall)],
      ["upload done p50 / max", `${ms(times.p50)} / ${ms(Math.max(...uploadTimes))}`],
      ["server peak RSS", `${peakRssMb(pid).toFixed(0)} MB`],
      ["GET /api/config idle p50", ms(calm.p50)],
      [`GET /api/config during uploads p50 / p99 / max (${busy.length})`, `${ms(config.p50)} / ${ms(config.p99)} / ${ms(Math.max(...busy))}`],
    ]);
  } finally {
    await app.stop();
  }
}
