import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { fileOf, type TestImages } from "./fixtures/images";
import type { EditorPage } from "./pages/editor-page";

/**
 * The request view shows the server's dry run (the real mask PNGs, compact JSON with folded base64),
 * uploads report where the file was dropped, and the favicon answers. Screenshots of the request view
 * and of the error states go to the test's output folder, at two window sizes and in both languages.
 */

const SCENE = { width: 960, height: 540 };

async function paintRegionAndStatic(editor: EditorPage, images: TestImages): Promise<void> {
  await editor.openImage(images.scene, SCENE);
  await editor.addMovingRegion(1, { center: { x: 300, y: 250 }, radius: 60 }, [
    { x: 300, y: 250 },
    { x: 500, y: 300 },
    { x: 700, y: 200 },
  ]);
  await editor.paintStatic([
    { x: 40, y: 500 },
    { x: 480, y: 490 },
    { x: 920, y: 505 },
  ]);
}

const dropZone = (page: Page, name = "Start frame drop zone") => page.getByRole("region", { name });

test.describe("request view", () => {
  test("shows the mask PNGs the server would send and the body as compact JSON", async ({ editor, images, page }) => {
    await paintRegionAndStatic(editor, images);
    const dryRun = page.waitForResponse((r) => r.url().endsWith("/api/tasks/dry-run") && r.request().method() === "POST");
    await editor.output.openRequest();
    expect((await dryRun).status()).toBe(200);

    const masks = page.getByRole("region", { name: "Masks sent (white = painted)" });
    const staticMask = masks.getByRole("img", { name: "Static mask PNG as sent to Kling" });
    const region = masks.getByRole("img", { name: "Region 1 PNG as sent to Kling" });
    await expect(staticMask).toBeVisible();
    await expect(region).toBeVisible();
    // Rasterised by the server at the frame's exact size, not a browser-side drawing.
    for (const mask of [staticMask, region]) {
      expect(await mask.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight])).toEqual([true, SCENE.width, SCENE.height]);
    }

    const text = (await editor.output.requestBody.textContent()) ?? "";
    const lines = text.split("\n");
    // One line per field and the whole path on one: a 77-point path no longer takes hundreds of lines.
    expect(lines.length).toBeLessThan(25);
    const trajectoryLine = lines.find((line) => line.includes('"trajectories"'));
    expect(trajectoryLine).toMatch(/^\s+"trajectories": \[\{"x": \d+, "y": \d+\}(, \{"x": \d+, "y": \d+\})+\]$/);
    expect(text).toMatch(/"image": "iVBORw0KGgo.…\(\d+ kB\)"/);
    const body = await editor.output.requestJson();
    expect(body.dynamic_masks).toHaveLength(1);
    expect(body).not.toHaveProperty("external_task_id");

    // A fold opens in place (the text stays JSON) and closes again.
    // The region's mask: a few kB (a whole frame's base64 is megabytes of text).
    await editor.output.requestBody.getByRole("button", { name: /^Show all [\d.]+ [kM]?B$/ }).last().click();
    const opened = await editor.output.requestJson();
    expect(opened.dynamic_masks![0]!.mask).not.toContain("…");
    await editor.output.requestBody.getByRole("button", { name: /^Fold the .* value again$/ }).click();
    expect((await editor.output.requestJson()).dynamic_masks![0]!.mask).toMatch(/…\([\d.]+ [kM]?B\)$/);
  });
});

test.describe("uploads report where the file was dropped", () => {
  test("a file that is not an image, dropped on the empty drop zone, is refused in the zone", async ({ editor, images, page }) => {
    await editor.frames.dropFile(dropZone(page), await fileOf(images.text, "text/plain"));
    const alert = dropZone(page).getByRole("alert");
    await expect(alert).toHaveText(/“notes\.txt” is not an image \(text\/plain\)\. Choose a JPEG or PNG\./);
    await alert.getByRole("button", { name: "Dismiss" }).click();
    await expect(dropZone(page).getByRole("alert")).toHaveCount(0);
  });

  test("an image waiting for a fix is shown in the drop zone and fixed there", async ({ editor, images, page }) => {
    await editor.frames.dropFile(dropZone(page), await fileOf(images.small, "image/png"));
    const zone = dropZone(page);
    await expect(zone).toContainText("The image is 200 × 400; each side must be at least 300 px.");
    await expect(zone.locator("img")).toBeVisible();
    await zone.getByRole("button", { name: "Upscale to 300 px" }).click();
    await editor.canvas.waitForFit();
    await expect(editor.frames.slot("start")).toContainText("300 × 600");
  });

  test("a tail frame dropped on the canvas shows how it is fitted, on the canvas", async ({ editor, images, page }) => {
    await editor.openImage(images.scene, SCENE);
    await editor.frames.dropFile(editor.canvas.root, await fileOf(images.narrow, "image/png"));
    await editor.frames.chooser().getByRole("button", { name: /^Last frame/ }).click();
    // A tail frame of another size is fitted to the start frame: the card says how, then goes once uploaded.
    const card = page.getByRole("region", { name: "New tail frame" });
    await expect(card).toContainText("Fitted from 200 × 900 to the start frame's 960 × 540");
    await expect(card).toHaveCount(0, { timeout: 30_000 });
  });
});

test("the favicon answers", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/icon/);
});

test.describe("screenshots", () => {
  const viewports = [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 },
  ];
  const shot = (name: string) => test.info().outputPath(`${name}.png`);

  for (const locale of ["en", "zh-CN"]) {
    test(`error states, ${locale}`, async ({ editor, images, page, context, baseURL }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
      await page.reload();
      const zone = editor.frames.emptyDropZone();
      await expect(zone).toBeVisible();
      await editor.frames.dropFile(zone, await fileOf(images.text, "text/plain"));
      await expect(zone.getByRole("alert")).toBeVisible();
      for (const viewport of viewports) {
        await page.setViewportSize(viewport);
        await page.screenshot({ path: shot(`error-not-image-${viewport.width}x${viewport.height}-${locale}`) });
      }
      await editor.frames.dropFile(zone, await fileOf(images.narrow, "image/png"));
      await expect(zone.locator("img")).toBeVisible();
      for (const viewport of viewports) {
        await page.setViewportSize(viewport);
        await page.screenshot({ path: shot(`error-needs-fix-${viewport.width}x${viewport.height}-${locale}`) });
      }
    });

  }

  test("request view, en", async ({ editor, images, page }) => {
    await paintRegionAndStatic(editor, images);
    await editor.output.openRequest();
    await expect(page.getByRole("img", { name: "Region 1 PNG as sent to Kling" })).toBeVisible();
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: shot(`request-view-${viewport.width}x${viewport.height}-en`) });
    }
  });
});
