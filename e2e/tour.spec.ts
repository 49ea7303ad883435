import type { Page } from "@playwright/test";
import { fileOf } from "./fixtures/images";
import { switchLocale } from "./fixtures/locale";
import { expect, test } from "./fixtures/test";
import type { EditorPage } from "./pages/editor-page";

/**
 * Every state a creator meets, at the three common window sizes, in English and Chinese: empty,
 * errors, painting, the camera conflict, the live preview, the request view, the finished result and
 * the library. Each shot (in the test's output folder, to be looked at) is also checked: the page
 * itself never scrolls sideways, the editor never scrolls at all, and no text is cut off by a box
 * too small for it (text that ends in an ellipsis is truncated on purpose and is exempt).
 * Geometry in image pixels of the 960 × 540 scene.
 */

const SCENE = { width: 960, height: 540 };
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
const LOCALES = ["en", "zh-CN"] as const;
type Locale = (typeof LOCALES)[number];

/** Leaf elements whose text runs past a box that hides its overflow, without an ellipsis. */
function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>("*")) {
      if (element.childElementCount > 0 || !element.textContent?.trim()) continue;
      const style = getComputedStyle(element);
      if (style.textOverflow === "ellipsis" || style.visibility === "hidden") continue;
      const rect = element.getBoundingClientRect();
      // Not drawn, or drawn for screen readers only (a 1 px clipped box).
      if (rect.width <= 1 || rect.height <= 1) continue;
      const hides = (value: string) => value === "hidden" || value === "clip";
      const cutX = hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const cutY = hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if (cutX || cutY) found.push(`${element.tagName.toLowerCase()} “${element.textContent.trim().slice(0, 40)}” (${cutX ? "width" : "height"})`);
    }
    return found;
  });
}

async function shootAll(page: Page, state: string, locale: Locale, { scrolls = false, before }: { scrolls?: boolean; before?: () => Promise<void> } = {}): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await before?.();
    // Let a refit after the resize land before looking.
    await page.waitForTimeout(250);
    const name = `tour-${state}-${viewport.width}x${viewport.height}-${locale}`;
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect.soft(overflow.x, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
    if (!scrolls) expect.soft(overflow.y, `${name}: the page scrolls`).toBeLessThanOrEqual(0);
    expect.soft(await clippedText(page), `${name}: text cut off`).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`${name}.png`), caret: "hide" });
  }
}

async function useLocale(page: Page, locale: Locale): Promise<void> {
  if (locale !== "en") await switchLocale(page, locale);
}

/** Two moving regions with paths over a static foreground; the pointer rests on the canvas with the brush. */
async function paintDocument(editor: EditorPage, images: { scene: string }): Promise<void> {
  await editor.openImage(images.scene, SCENE);
  await editor.addMovingRegion(1, { center: { x: 595, y: 200 }, radius: 40 }, [
    { x: 595, y: 200 },
    { x: 700, y: 150 },
    { x: 820, y: 110 },
  ]);
  await editor.addMovingRegion(2, { center: { x: 173, y: 130 }, radius: 45 }, [
    { x: 173, y: 130 },
    { x: 260, y: 170 },
    { x: 380, y: 240 },
  ]);
  await editor.paintStatic([
    { x: 30, y: 505 },
    { x: 480, y: 495 },
    { x: 930, y: 510 },
  ]);
}

for (const locale of LOCALES) {
  test(`errors at three sizes, ${locale}`, async ({ editor, images, page }) => {
    await useLocale(page, locale);
    const zone = editor.frames.emptyDropZone();
    await shootAll(page, "empty", locale);
    await editor.frames.dropFile(zone, await fileOf(images.text, "text/plain"));
    await expect(zone.getByRole("alert")).toBeVisible();
    await shootAll(page, "error-not-an-image", locale);
    await editor.frames.dropFile(zone, await fileOf(images.narrow, "image/png"));
    await expect(zone.locator("img")).toBeVisible();
    await shootAll(page, "error-needs-a-fix", locale);
  });

  test(`painting, conflict, preview, request, result and library at three sizes, ${locale}`, async ({ editor, images, page }) => {
    test.slow();
    // Painted through the English page object; the draft is then read again in the locale.
    await paintDocument(editor, images);
    await expect(editor.saveStatus).toHaveText("Draft saved in this browser");
    await useLocale(page, locale);
    await expect(editor.canvas.root).toBeVisible();
    // Painting: the dynamic brush on region 1, its target at the cursor.
    await shootAll(page, "painting", locale, {
      before: async () => {
        await editor.canvas.waitForFit();
        await editor.shortcut("d");
        await editor.shortcut("1");
        const at = await editor.canvas.toScreen({ x: 480, y: 300 });
        await page.mouse.move(at.x, at.y);
        await expect(page.getByTestId("cursor-target")).toBeVisible();
      },
    });
    // The camera is locked while regions exist, and says why where the creator looks.
    await shootAll(page, "conflict", locale, {
      before: async () => {
        await page.mouse.move(5, 5);
        await page.getByTestId("camera-locked").scrollIntoViewIfNeeded();
      },
    });
    await editor.shortcut("p");
    await expect(page.locator("[data-preview-ready=true]")).toBeVisible();
    await shootAll(page, "preview", locale);
    await editor.shortcut("p");

    // The Request tab, found without words (its panel's id ends in "panel-request").
    await page.locator("[role=tab][aria-controls$=panel-request]").click();
    await expect(page.getByRole("tabpanel").locator("img").first()).toBeVisible();
    await shootAll(page, "request", locale);

    const created = page.waitForResponse((r) => r.url().endsWith("/api/tasks") && r.request().method() === "POST");
    await editor.shortcut("Control+Enter");
    expect((await created).status()).toBe(201);
    const video = page.locator("video").first();
    await expect(video).toBeVisible({ timeout: 60_000 });
    await shootAll(page, "result", locale, { before: () => page.mouse.move(5, 5) });

    await page.goto("/library");
    await expect(page.getByRole("button", { name: /^(Open task|打开任务)/ }).first()).toBeVisible();
    await shootAll(page, "library", locale, { scrolls: true });
  });
}
