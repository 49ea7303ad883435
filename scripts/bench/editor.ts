import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { sceneImage } from "../../e2e/fixtures/images";
import { startApp } from "../../tests/support/app-server";
import { ms, report, summarize } from "./stats";

/*
 * The editor in a real browser (Debian's Chromium, software rendering, like CI) against the built
 * app: first-load JavaScript, and frame times while painting and while dragging a trajectory point
 * on a 4096×4096 frame that already holds a static mask and six painted regions with paths.
 *
 * Frame times are requestAnimationFrame deltas with the frame-rate limit and vsync off, so a delta
 * is what a frame really cost rather than the 16.7 ms of a 60 Hz display (the idle row shows the
 * floor). Targets: p95 ≤ 16 ms, first-load JS ≤ 250 kB gzipped. Figures only, no pass/fail.
 */

const SIZE = 4096;
const VIEW = { width: 1280, height: 800 };
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** Unthrottled rAF: without these a frame never reports less than one vsync interval. */
const UNLIMITED_FRAMES = ["--disable-frame-rate-limit", "--disable-gpu-vsync"];
/** One pointer move per 8 ms: a 120 Hz mouse or pen. */
const MOVE_INTERVAL_MS = 8;

type Point = { x: number; y: number };
type Viewport = { scale: number; x: number; y: number };

const sleep = (msDelay: number) => new Promise((resolve) => setTimeout(resolve, msDelay));

async function toScreen(page: Page, p: Point): Promise<Point> {
  const canvas = page.getByTestId("editor-canvas");
  const box = await canvas.boundingBox();
  const v = JSON.parse((await canvas.getAttribute("data-viewport")) ?? "{}") as Viewport;
  if (!box) throw new Error("canvas not on screen");
  return { x: box.x + v.x + p.x * v.scale, y: box.y + v.y + p.y * v.scale };
}

/** A press-move-release gesture through image points, `stepsPerSegment` moves each, paced like a real device. */
async function gesture(page: Page, points: Point[], stepsPerSegment: number, paced: boolean): Promise<void> {
  const screen = await Promise.all(points.map((p) => toScreen(page, p)));
  await page.mouse.move(screen[0]!.x, screen[0]!.y);
  await page.mouse.down();
  for (let i = 1; i < screen.length; i++) {
    const [a, b] = [screen[i - 1]!, screen[i]!];
    for (let s = 1; s <= stepsPerSegment; s++) {
      await page.mouse.move(a.x + ((b.x - a.x) * s) / stepsPerSegment, a.y + ((b.y - a.y) * s) / stepsPerSegment);
      if (paced) await sleep(MOVE_INTERVAL_MS);
    }
  }
  await page.mouse.up();
}

const circle = (c: Point, r: number, n = 12): Point[] =>
  Array.from({ length: n + 1 }, (_, i) => ({ x: c.x + Math.cos((i / n) * 2 * Math.PI) * r, y: c.y + Math.sin((i / n) * 2 * Math.PI) * r }));

async function tool(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Tools" }).getByRole("button", { name, exact: true }).click();
}

/*
 * The recorder runs in the page. It is a string, not a function: tsx (esbuild keepNames) would wrap
 * a named inner function in a `__name` helper that does not exist in the page.
 */
const START_RECORDING = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  requestAnimationFrame(function tick(now) {
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  });
})()`;
const STOP_RECORDING = "(() => { window.__recording = false; return window.__frames.slice(1); })()";

/** Records rAF deltas while `action` runs. */
async function frameTimes(page: Page, action: () => Promise<void>): Promise<number[]> {
  await page.evaluate(START_RECORDING);
  await action();
  return page.evaluate<number[]>(STOP_RECORDING);
}

function frameRow(label: string, deltas: number[]): [string, string] {
  const { p50, p95, p99 } = summarize(deltas);
  const slow = deltas.filter((d) => d > 16.7).length;
  return [label, `p50 ${ms(p50)} · p95 ${ms(p95)} · p99 ${ms(p99)} · ${deltas.length} frames, ${slow} over 16.7 ms`];
}

/** Gzipped bytes of every script the page loads until the network is quiet. */
async function scriptBytes(page: Page, load: () => Promise<void>): Promise<{ files: number; raw: number; gzip: number }> {
  const bodies: Array<Promise<Buffer | null>> = [];
  const seen = new Set<string>();
  const onResponse = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() !== "script" || seen.has(response.url())) return;
    seen.add(response.url());
    bodies.push(response.body().catch(() => null));
  };
  page.on("response", onResponse);
  await load();
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  const buffers = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
  return {
    files: buffers.length,
    raw: buffers.reduce((sum, b) => sum + b.length, 0),
    gzip: buffers.reduce((sum, b) => sum + gzipSync(b).length, 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Six regions spread over the frame, each painted with a blob and given a three-point path. */
async function paintDocument(page: Page): Promise<void> {
  await tool(page, "Static brush");
  await gesture(page, [{ x: 200, y: 3800 }, { x: 2000, y: 3700 }, { x: 3900, y: 3850 }], 10, false);
  for (let i = 0; i < 6; i++) {
    const c = { x: 600 + (i % 3) * 1400, y: 900 + Math.floor(i / 3) * 1500 };
    if (i > 0) await page.getByRole("button", { name: "Add region" }).click();
    await tool(page, "Dynamic brush");
    await gesture(page, circle(c, 300), 3, false);
    await tool(page, "Trajectory");
    await gesture(page, [c, { x: c.x + 300, y: c.y + 200 }, { x: c.x + 500, y: c.y - 100 }], 6, false);
  }
  await page.waitForFunction(() => document.querySelectorAll('[aria-label^="Region "][aria-pressed]').length === 6);
}

export async function benchEditor(): Promise<void> {
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(dist, "BUILD_ID"))) throw new Error(`the editor bench needs a build in ${dist}: run \`npx next build\` first`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "editor-bench-"));
  const app = await startApp({ env: { LOG_LEVEL: "warn" } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: [...CHROMIUM_ARGS, ...UNLIMITED_FRAMES] });
  try {
    const image = path.join(dir, `scene-${SIZE}.jpg`);
    await writeFile(image, await sceneImage({ width: SIZE, height: SIZE }, "jpeg"));
    const page = await browser.newPage({ viewport: VIEW });

    const firstLoad = await scriptBytes(page, async () => void (await page.goto(`${app.url}/`)));
    const canvasLoad = await scriptBytes(page, async () => {
      await page.getByLabel("Start frame", { exact: true }).setInputFiles(image);
      await page.getByTestId("editor-canvas").waitFor();
    });
    await page.waitForFunction(() => {
      const raw = document.querySelector("[data-testid=editor-canvas]")?.getAttribute("data-viewport");
      return raw !== undefined && raw !== null && (JSON.parse(raw) as Viewport).scale < 0.5;
    });
    await paintDocument(page);

    const idle = await frameTimes(page, async () => void (await sleep(1500)));
    await tool(page, "Static brush");
    const long = Array.from({ length: 9 }, (_, i) => ({ x: 300 + i * 420, y: 3300 + (i % 2) * 300 }));
    const painting = await frameTimes(page, () => gesture(page, long, 30, true));
    // Region 6 is selected; its path ends at (3900, 2300): drag that handle around a loop.
    await tool(page, "Trajectory");
    const handle = { x: 600 + 2 * 1400 + 500, y: 900 + 1500 - 100 };
    const dragging = await frameTimes(page, () => gesture(page, [handle, ...circle({ x: handle.x - 400, y: handle.y }, 400, 16)], 12, true));

    report(`Editor first-load JavaScript (gzip, zlib default level; ${firstLoad.files} scripts)`, [
      ["empty editor, first load", `${kb(firstLoad.gzip)} gzipped (${kb(firstLoad.raw)} raw) — target ≤ 250 kB`],
      [`+ canvas on the first frame (${canvasLoad.files} more)`, `${kb(canvasLoad.gzip)} gzipped (${kb(canvasLoad.raw)} raw)`],
    ]);
    report(`Editor frame times, ${SIZE}×${SIZE} frame, static mask + 6 regions with paths (rAF deltas, unthrottled; target p95 ≤ 16 ms)`, [
      frameRow("idle (floor)", idle),
      frameRow("painting a long static stroke", painting),
      frameRow("dragging a trajectory point", dragging),
    ]);
  } finally {
    await browser.close();
    await app.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
