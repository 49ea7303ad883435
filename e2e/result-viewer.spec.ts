import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { switchLocale } from "./fixtures/locale";
import { expect, test } from "./fixtures/test";
import type { TestImages } from "./fixtures/images";
import type { EditorPage } from "./pages/editor-page";

/**
 * The finished video in the editor's output dock: it fits the box the dock gives it, controls
 * included, at the three common laptop/desktop sizes and in both languages; the dock resizes by drag
 * and keys and remembers; theatre and full screen open and close; the start frame and a second take
 * play beside it, the take in step. Geometry in image pixels of the 960 × 540 scene.
 */

const SCENE = { width: 960, height: 540 };
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
const zh = JSON.parse(readFileSync(new URL("../lib/i18n/messages/zh-CN.json", import.meta.url), "utf8")) as { dock: Record<string, string>; player: Record<string, string> };

/** One moving region (the kite) and Generate; resolves once the card shows the finished video. */
async function finishedResult(editor: EditorPage, images: TestImages): Promise<{ taskId: string; card: Locator }> {
  await editor.openImage(images.scene, SCENE);
  await editor.addMovingRegion(1, { center: { x: 595, y: 200 }, radius: 40 }, [
    { x: 595, y: 200 },
    { x: 700, y: 150 },
    { x: 820, y: 110 },
  ]);
  const taskId = await editor.generateTask();
  const card = editor.output.card(taskId);
  await expect(editor.output.video(card)).toBeVisible({ timeout: 60_000 });
  return { taskId, card };
}

type Placement = { top: number; left: number; bottom: number; right: number; height: number; width: number; scrolled: number; viewport: { width: number; height: number } };

/** Where an element is on screen, and how far any of its ancestors (or the page) is scrolled. */
async function placement(locator: Locator): Promise<Placement> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    let scrolled = window.scrollX + window.scrollY;
    for (let node = element.parentElement; node; node = node.parentElement) scrolled += node.scrollTop + node.scrollLeft;
    return { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right, height: rect.height, width: rect.width, scrolled, viewport: { width: window.innerWidth, height: window.innerHeight } };
  });
}

/**
 * The element is wholly inside the window and nothing around it is scrolled. `scrolling: "allowed"`
 * where the test itself had to scroll the task list to reach a second card's controls.
 */
async function expectFullyInView(locator: Locator, what: string, { scrolling = "none" }: InView = {}): Promise<Placement> {
  const box = await placement(locator);
  expect(box.top, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.left, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box.bottom, `${what}: bottom`).toBeLessThanOrEqual(box.viewport.height);
  expect(box.right, `${what}: right`).toBeLessThanOrEqual(box.viewport.width);
  if (scrolling === "none") expect(box.scrolled, `${what}: scrolled`).toBe(0);
  return box;
}

type InView = { scrolling?: "none" | "allowed" };

async function expectResultFits(card: Locator, labels: { video: string; play: RegExp; position: string; download: string }, view: InView = {}): Promise<void> {
  const video = await expectFullyInView(card.getByLabel(labels.video, { exact: true }), "video", view);
  // Large enough to judge the motion, not a strip.
  expect(video.height).toBeGreaterThan(150);
  await expectFullyInView(card.getByRole("button", { name: labels.play }), "play button", view);
  await expectFullyInView(card.getByRole("slider", { name: labels.position }), "position slider", view);
  await expectFullyInView(card.getByRole("link", { name: labels.download }), "download link", view);
}

const EN = { video: "Generated video", play: /^(Play|Pause)$/, position: "Position", download: "Download MP4" };
const ZH = { video: zh.player.video!, play: new RegExp(`^(${zh.player.play}|${zh.player.pause})$`), position: zh.player.position!, download: zh.player.download! };

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(5, 5);
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 10_000 });
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

for (const viewport of VIEWPORTS) {
  test(`the finished video fits the dock with its controls at ${viewport.width}×${viewport.height}, in English and Chinese`, async ({ editor, images, page }) => {
    test.slow();
    await page.setViewportSize(viewport);
    const { taskId } = await finishedResult(editor, images);
    await expectResultFits(editor.output.card(taskId), EN);
    await shot(page, `result-${viewport.width}x${viewport.height}-en`);

    // The draft keeps the session's tasks: the same card, read in Chinese.
    await switchLocale(page, "zh-CN");
    await page.getByRole("button", { name: zh.dock.expand }).click();
    const card = page.getByRole("article").filter({ has: page.getByLabel(ZH.video, { exact: true }) });
    await expect(card.getByLabel(ZH.video, { exact: true })).toBeVisible();
    await expectResultFits(card, ZH);
    await shot(page, `result-${viewport.width}x${viewport.height}-zh-CN`);
  });
}

test("the dock resizes by drag and by keys, and remembers its height", async ({ editor, images, page }) => {
  test.slow();
  const { card } = await finishedResult(editor, images);
  const splitter = page.getByRole("separator", { name: "Resize output panel" });
  const height = async () => Number(await splitter.getAttribute("aria-valuenow"));
  const start = await height();
  const video = editor.output.video(card);
  const videoBefore = (await placement(video)).height;

  const grip = (await splitter.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2, grip.y - 60, { steps: 5 });
  await page.mouse.move(grip.x + grip.width / 2, grip.y - 120, { steps: 5 });
  await page.mouse.up();
  expect(await height()).toBeGreaterThanOrEqual(start + 110);
  await expect.poll(async () => (await placement(video)).height, { message: "the video grows with the dock" }).toBeGreaterThan(videoBefore + 60);
  await expectResultFits(card, EN);

  await splitter.focus();
  const dragged = await height();
  await page.keyboard.press("ArrowDown");
  expect(await height()).toBe(dragged - 16);
  await page.keyboard.press("Shift+ArrowUp");
  expect(await height()).toBe(dragged + 48);
  await page.keyboard.press("Home");
  const min = Number(await splitter.getAttribute("aria-valuemin"));
  expect(await height()).toBe(min);
  await expectResultFits(card, EN);
  await page.keyboard.press("End");
  const max = Number(await splitter.getAttribute("aria-valuemax"));
  expect(await height()).toBe(max);
  await expectResultFits(card, EN);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const remembered = max - 32;
  expect(await height()).toBe(remembered);

  await editor.reload();
  await editor.output.openTasks();
  await expect(splitter).toHaveAttribute("aria-valuenow", String(remembered));
});

test("theatre and full screen open over everything and close with Escape", async ({ editor, images, page }) => {
  test.slow();
  const { card } = await finishedResult(editor, images);
  const viewer = card.getByRole("group", { name: "Result player" });
  const video = editor.output.video(card);

  await card.getByRole("button", { name: "Theatre view" }).click();
  await expect(viewer).toHaveAttribute("data-view", "theatre");
  const big = await expectFullyInView(video, "theatre video");
  const size = page.viewportSize()!;
  // Letterboxed inside the window: one side (nearly) spans it.
  expect(Math.max(big.width / size.width, big.height / (size.height - 60))).toBeGreaterThan(0.9);
  await expectResultFits(card, EN);
  await shot(page, "result-theatre");
  await page.keyboard.press("Escape");
  await expect(viewer).toHaveAttribute("data-view", "inline");
  // Escape left the view only: the editor and its dock are as they were.
  await expect(editor.output.toggle).toHaveAttribute("aria-expanded", "true");

  await card.getByRole("button", { name: "Full screen" }).click();
  // Real full screen where the browser allows it, else the theatre view stands in.
  await expect(viewer).toHaveAttribute("data-view", /^(fullscreen|theatre)$/);
  if ((await viewer.getAttribute("data-view")) === "fullscreen") expect(await page.evaluate(() => document.fullscreenElement?.getAttribute("aria-label"))).toBe("Result player");
  await expectFullyInView(video, "full-screen video");
  await page.keyboard.press("Escape");
  await expect(viewer).toHaveAttribute("data-view", "inline");
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();

  // The button in the view closes it too.
  await card.getByRole("button", { name: "Theatre view" }).click();
  await card.getByRole("button", { name: "Leave theatre view (Esc)" }).click();
  await expect(viewer).toHaveAttribute("data-view", "inline");
});

test("the start frame and a second take play beside the video, the take in step", async ({ editor, images, page }) => {
  test.slow();
  const first = await finishedResult(editor, images);
  const second = await editor.generateTask();
  const card = editor.output.card(second);
  await expect(editor.output.video(card)).toBeVisible({ timeout: 60_000 });
  await expect(editor.output.video(first.card)).toBeVisible();

  // Two finished cards are taller than the dock: reaching the second one's controls may scroll the list.
  await card.getByRole("button", { name: "Side by side with the start frame" }).click();
  await expectFullyInView(card.getByRole("img", { name: "Start frame" }), "start frame", { scrolling: "allowed" });
  await expectResultFits(card, EN, { scrolling: "allowed" });

  const picker = card.getByRole("combobox", { name: "Compare with another take" });
  // "No other take" and at least the first take (earlier tests of this run painted the same shot too).
  await expect.poll(() => picker.getByRole("option").count()).toBeGreaterThanOrEqual(2);
  await picker.selectOption({ index: 1 });
  const take = card.getByLabel("Other take", { exact: true }).and(page.locator("video"));
  await expectFullyInView(take, "other take", { scrolling: "allowed" });
  await expectResultFits(card, EN, { scrolling: "allowed" });
  await expect.poll(() => take.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  await expect.poll(() => take.evaluate((v: HTMLVideoElement) => v.paused), { message: "the take plays with the video" }).toBe(false);
  await shot(page, "result-compare");

  const main = editor.output.video(card);
  await card.getByRole("button", { name: "Pause" }).click();
  await expect.poll(() => take.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  for (let i = 0; i < 6; i += 1) await card.getByRole("button", { name: "Next frame" }).click();
  const [a, b] = await Promise.all([main.evaluate((v: HTMLVideoElement) => v.currentTime), take.evaluate((v: HTMLVideoElement) => v.currentTime)]);
  expect(Math.abs(a - b), "seeking moves both").toBeLessThan(0.05);

  await card.getByRole("button", { name: "Play", exact: true }).click();
  await expect.poll(() => take.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
});
