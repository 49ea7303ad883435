import { chromium, type Page } from "@playwright/test";
import sharp from "sharp";
import { startApp } from "../../tests/support/app-server";
import { ms, report, summarize } from "./stats";

/**
 * The editor's live motion preview in Chromium against the built app: a 1920×1080 start frame with
 * six painted regions (each on its own three-point path) and a static band, in a 1920×1080 window.
 * Measures the time from clicking Preview to the first frame drawn (and to motion, once the layers
 * are cut), and the frame rate the canvas keeps while playing.
 */

const FRAME = { width: 1920, height: 1080 };
const REGIONS = 6;
const OPENINGS = 10;
const PLAY_SECONDS = 3;
const centres = Array.from({ length: REGIONS }, (_, i) => ({ x: 220 + i * 300, y: 480 }));

/** A textured picture (gradient plus a fine checker) with six coloured squares to move. */
async function startFrame(): Promise<Buffer> {
  const data = Buffer.alloc(FRAME.width * FRAME.height * 3);
  for (let y = 0; y < FRAME.height; y += 1) {
    for (let x = 0; x < FRAME.width; x += 1) {
      const inside = centres.findIndex((c) => Math.abs(x - c.x) < 100 && Math.abs(y - c.y) < 100);
      const checker = ((x >> 3) + (y >> 3)) % 2 === 0 ? 18 : 0;
      const pixel = inside >= 0 ? [40 + inside * 35, 200 - inside * 25, 90 + ((x + y) % 40)] : [(x * 200) / FRAME.width + checker, (y * 180) / FRAME.height + checker, 120 + checker];
      data.set(pixel, (y * FRAME.width + x) * 3);
    }
  }
  return sharp(data, { raw: { ...FRAME, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

async function viewport(page: Page): Promise<{ scale: number; x: number; y: number; left: number; top: number }> {
  const canvas = page.getByTestId("editor-canvas");
  const box = await canvas.boundingBox();
  const v = JSON.parse((await canvas.getAttribute("data-viewport")) ?? "{}") as { scale: number; x: number; y: number };
  return { ...v, left: box?.x ?? 0, top: box?.y ?? 0 };
}

/** Mouse gesture through image points. */
async function gesture(page: Page, points: Array<{ x: number; y: number }>): Promise<void> {
  const v = await viewport(page);
  const screen = points.map((p) => ({ x: v.left + v.x + p.x * v.scale, y: v.top + v.y + p.y * v.scale }));
  await page.mouse.move(screen[0]!.x, screen[0]!.y);
  await page.mouse.down();
  for (const p of screen.slice(1)) await page.mouse.move(p.x, p.y, { steps: 6 });
  await page.mouse.up();
}

async function tool(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Tools" }).getByRole("button", { name, exact: true }).click();
}

async function buildScene(page: Page): Promise<void> {
  await page.getByLabel("Start frame", { exact: true }).setInputFiles({ name: "bench.jpg", mimeType: "image/jpeg", buffer: await startFrame() });
  await page.waitForFunction(() => {
    const attr = document.querySelector("[data-testid=editor-canvas]")?.getAttribute("data-viewport");
    return attr !== undefined && attr !== null && JSON.parse(attr).scale !== 1;
  });
  await page.waitForTimeout(500);
  await tool(page, "Static brush");
  // From 4 % of the short side (43 px) to 266 px: one short stroke covers a 200 px square.
  for (let i = 0; i < 10; i += 1) await page.keyboard.press("]");
  await gesture(page, [{ x: 100, y: 950 }, { x: 1820, y: 950 }]);
  for (const [i, c] of centres.entries()) {
    await page.getByRole("button", { name: "Add region" }).click();
    await tool(page, "Dynamic brush");
    await gesture(page, [{ x: c.x - 40, y: c.y }, { x: c.x + 40, y: c.y }]);
    await tool(page, "Trajectory");
    await gesture(page, [c, { x: c.x + 80, y: c.y - 180 + i * 20 }, { x: c.x - 60, y: c.y - 280 }]);
  }
  await page.getByRole("button", { name: `Region ${REGIONS}`, exact: true }).waitFor();
}

/** Installs listeners that time clicks on Preview, the first frame and the first moving frame. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Marks = { clicked: number; drawn: number; painted: number; moving: number; frames: number[] };
    const w = window as unknown as { __previewBench: Marks };
    w.__previewBench = { clicked: 0, drawn: 0, painted: 0, moving: 0, frames: [] };
    const marks = w.__previewBench;
    window.addEventListener(
      "click",
      (e) => {
        if ((e.target as Element | null)?.closest("button")?.textContent?.trim() === "Preview") marks.clicked = e.timeStamp;
      },
      { capture: true },
    );
    new MutationObserver((records) => {
      const now = performance.now();
      for (const record of records) {
        const el = record.target as HTMLElement;
        if (el.dataset.testid !== "preview-canvas") continue;
        if (record.attributeName === "data-preview-ready" && !marks.drawn) {
          marks.drawn = now;
          // The frame drawn in this task is on screen by the start of the next animation frame.
          requestAnimationFrame(() => requestAnimationFrame((t) => (marks.painted = t)));
        }
        if (record.attributeName === "data-t") {
          if (!marks.moving && Number(el.dataset.t) > 0) marks.moving = now;
          marks.frames.push(now);
        }
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-preview-ready", "data-t"] });
  });
}

type Marks = { clicked: number; drawn: number; painted: number; moving: number; frames: number[] };
const marks = (page: Page) => page.evaluate(() => (window as unknown as { __previewBench: Marks }).__previewBench);
const reset = (page: Page) => page.evaluate(() => Object.assign((window as unknown as { __previewBench: Marks }).__previewBench, { clicked: 0, drawn: 0, painted: 0, moving: 0, frames: [] }));

export async function benchPreview(): Promise<void> {
  const app = await startApp({ env: { LOG_LEVEL: "warn" } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: FRAME, deviceScaleFactor: 1 });
    await page.goto(app.url);
    await buildScene(page);
    await instrument(page);
    const button = page.getByRole("button", { name: "Preview", exact: true });

    const toFirst: number[] = [];
    const toPainted: number[] = [];
    const toMoving: number[] = [];
    for (let i = 0; i < OPENINGS; i += 1) {
      await reset(page);
      await button.click();
      await page.waitForFunction(() => {
        const m = (window as unknown as { __previewBench: Marks }).__previewBench;
        return m.moving > 0 && m.painted > 0;
      });
      const m = await marks(page);
      toFirst.push(m.drawn - m.clicked);
      toPainted.push(m.painted - m.clicked);
      toMoving.push(m.moving - m.clicked);
      await button.click();
      await page.waitForTimeout(300);
    }

    await button.click();
    await page.waitForFunction(() => (window as unknown as { __previewBench: Marks }).__previewBench.moving > 0);
    await page.waitForTimeout(500);
    await reset(page);
    await page.waitForTimeout(PLAY_SECONDS * 1000);
    const { frames } = await marks(page);
    const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
    const gaps = summarize(intervals);
    // Inline callbacks only: tsx names `const f = () => …` with a helper the page does not have.
    const display = await page.evaluate(async () => {
      const start = performance.now();
      for (let n = 0; n < 60; n += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
      return 60_000 / (performance.now() - start);
    });
    const first = summarize(toFirst.slice(1));
    const painted = summarize(toPainted.slice(1));
    const moving = summarize(toMoving.slice(1));
    report(`Editor live preview (${FRAME.width}×${FRAME.height} frame, ${REGIONS} regions + static mask, ${FRAME.width}×${FRAME.height} window, software canvas)`, [
      ["frame rate while playing", `${(frames.length / PLAY_SECONDS).toFixed(1)} fps over ${PLAY_SECONDS} s (display ${display.toFixed(0)} Hz)`],
      ["frame interval p50 / p95 / max", `${ms(gaps.p50)} / ${ms(gaps.p95)} / ${ms(Math.max(...intervals))}`],
      ["Preview → first frame drawn p50 / p95", `${ms(first.p50)} / ${ms(first.p95)} (cold: ${ms(toFirst[0]!)})`],
      ["Preview → first frame on screen p50 / p95", `${ms(painted.p50)} / ${ms(painted.p95)}`],
      ["Preview → moving (layers cut) p50 / p95", `${ms(moving.p50)} / ${ms(moving.p95)} (cold: ${ms(toMoving[0]!)})`],
    ]);
  } finally {
    await browser.close();
    await app.stop();
  }
}
