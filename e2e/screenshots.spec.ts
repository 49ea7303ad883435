import path from "node:path";
import type { Locator, Page, Route } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import type { TestImages } from "./fixtures/images";
import type { EditorPage } from "./pages/editor-page";

/**
 * The screenshots in docs/screenshots, taken from the real app. They are written there only with
 * DOCS_SCREENSHOTS=1 (so a normal run leaves the work tree alone); otherwise they go to the test's
 * output folder. Every shot also checks that the layout fits the window.
 */

const DOCS_DIR = path.resolve(import.meta.dirname, "../docs/screenshots");
const SCENE = { width: 960, height: 540 };

async function shoot(page: Page, name: string): Promise<void> {
  // The editor is a fixed, full-window layout: nothing may make the page itself scroll. Soft, so
  // the shot is still taken (and can be looked at) when this fails.
  const overflow = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect.soft(overflow, `${name}: the page scrolls`).toEqual({ x: 0, y: 0 });
  // Pointer over the empty dock bar (no hover styles, no brush cursor), and no toast over the content.
  await page.mouse.move(600, page.viewportSize()!.height - 18);
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 10_000 });
  const file = process.env.DOCS_SCREENSHOTS === "1" ? path.join(DOCS_DIR, `${name}.png`) : test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file, caret: "hide" });
}

/** Sun, kite and a hill: three moving regions with their paths, over a static foreground. */
async function paintThreeRegions(editor: EditorPage, images: TestImages, { open = true } = {}): Promise<void> {
  if (open) await editor.openImage(images.scene, SCENE);
  await editor.addMovingRegion(1, { center: { x: 173, y: 130 }, radius: 45 }, [
    { x: 173, y: 130 },
    { x: 260, y: 170 },
    { x: 380, y: 240 },
  ]);
  await editor.addMovingRegion(2, { center: { x: 595, y: 200 }, radius: 40 }, [
    { x: 595, y: 200 },
    { x: 680, y: 150 },
    { x: 760, y: 150 },
    { x: 850, y: 90 },
  ]);
  await editor.addMovingRegion(3, { center: { x: 300, y: 400 }, radius: 40 }, [
    { x: 300, y: 400 },
    { x: 200, y: 380 },
    { x: 90, y: 400 },
  ]);
  await editor.paintStatic([
    { x: 30, y: 505 },
    { x: 480, y: 495 },
    { x: 930, y: 510 },
  ]);
  // Show the paths with their handles, for region 2.
  await editor.region(2).click();
  await editor.useTool("Trajectory");
  await editor.page.mouse.move(0, 0);
}

/** Scrolls the panel around `target` (only it, never the page) so `target` is at its top. */
async function scrollPanelTo(target: Locator): Promise<void> {
  await target.evaluate((el) => {
    const scroller = el.closest(".overflow-y-auto");
    if (!scroller) throw new Error("no scrolling ancestor");
    scroller.scrollTop += el.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  });
}

/**
 * Holds the task polls once the card has shown a running status, so a "running" shot does not
 * race the fast preview engine. Nothing is faked: every answer is the server's own.
 */
async function holdRunningTask(page: Page): Promise<() => void> {
  let running = false;
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const handler = async (route: Route) => {
    if (route.request().method() !== "GET") return route.continue();
    if (running) await released;
    const response = await route.fetch();
    const body = (await response.json()) as { task?: { status?: string } };
    if (body.task?.status === "submitted" || body.task?.status === "processing") running = true;
    await route.fulfill({ response, json: body });
  };
  await page.route(/\/api\/tasks\/[^/]+$/, handler);
  // Once released, held and later polls go straight through (the route stays until the page closes).
  return release;
}

test.describe("screenshots at 1280×800", () => {
  test("empty editor", async ({ editor, page }) => {
    await expect(page.getByText("Drop a start frame, paste, or choose a file")).toBeVisible();
    await expect(editor.generate).toBeDisabled();
    await shoot(page, "editor-empty");
  });

  test("painted document, camera panel, running and finished task", async ({ editor, images, page }) => {
    test.slow();
    // The camera is chosen first: once regions exist, the camera panel is locked (it says why).
    await editor.openImage(images.scene, SCENE);
    await scrollPanelTo(editor.camera.section);
    await editor.camera.choose("Simple");
    await editor.camera.nudge("Zoom", 6);
    await editor.camera.nudge("Pan", 4);
    await expect(editor.camera.notice).toHaveText("Only one axis can move: Zoom was reset to 0");
    await scrollPanelTo(editor.camera.section);
    await shoot(page, "camera-panel");

    await paintThreeRegions(editor, images, { open: false });
    await expect(editor.regionButtons()).toHaveCount(3);
    await shoot(page, "editor-painted");
    // Camera and motion brush cannot be combined: keep the brush for the video.
    await page.getByRole("button", { name: "Keep motion brush, remove camera", exact: true }).first().click();
    await expect(editor.generate).toBeEnabled();

    const releaseTask = await holdRunningTask(page);
    const taskId = await editor.generateTask();
    const card = editor.output.card(taskId);
    await expect(editor.output.status(card)).toHaveText(/Submitted|Processing/);
    await shoot(page, "task-running");
    releaseTask();

    await expect(editor.output.status(card)).toHaveText("Done", { timeout: 60_000 });
    await editor.output.expectPlaying(card);
    await card.getByRole("button", { name: "Side by side with the start frame" }).click();
    await card.getByRole("button", { name: "Pause" }).click();
    await card.getByRole("slider", { name: "Position" }).fill("2");
    await scrollPanelTo(card);
    await shoot(page, "task-finished");
  });
});

test.describe("screenshots at 1024×768 (tablet)", () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test("painted document", async ({ editor, images, page }) => {
    await paintThreeRegions(editor, images);
    await expect(editor.generate).toBeInViewport();
    await expect(editor.tool("Hand")).toBeInViewport();
    await shoot(page, "editor-1024x768");
  });
});
