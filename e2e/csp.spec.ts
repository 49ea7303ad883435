import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { EditorPage } from "./pages/editor-page";

/**
 * The nonce-based Content Security Policy does not break the app: the editor (Konva, its blob:
 * workers, next-intl, sonner, React's inline styles), the live preview, a generated video, the
 * library, a share page and its embeddable player all run without a single CSP violation.
 */

type Violation = { directive: string; blocked: string; source: string };

/** Collects violations both as the browser reports them to the page and as console errors. */
async function watchViolations(page: Page): Promise<{ violations: Violation[]; consoleErrors: string[] }> {
  const violations: Violation[] = [];
  const consoleErrors: string[] = [];
  await page.exposeFunction("__reportCspViolation", (violation: Violation) => violations.push(violation));
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation: (v: Violation) => void }).__reportCspViolation;
    document.addEventListener("securitypolicyviolation", (event) =>
      report({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` }),
    );
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text());
  });
  return { violations, consoleErrors };
}

const SUN = { center: { x: 173, y: 130 }, radius: 40 };
const SUN_PATH = [
  { x: 150, y: 110 },
  { x: 300, y: 220 },
  { x: 450, y: 330 },
];

test("editor, preview, library, share page and player run under the CSP without violations", async ({ page, images, request, browser }, testInfo) => {
  test.slow();
  const watched = await watchViolations(page);
  const editor = new EditorPage(page);
  await editor.goto();
  await editor.openImage(images.scene, { width: 960, height: 540 });
  await editor.addMovingRegion(1, SUN, SUN_PATH);
  await editor.paintStatic([
    { x: 40, y: 480 },
    { x: 920, y: 490 },
  ]);
  await page.keyboard.press("p");
  await expect(page.getByTestId("preview-canvas")).toHaveAttribute("data-preview-ready", "true");
  await page.screenshot({ path: testInfo.outputPath("editor-preview.png") });
  await page.keyboard.press("p");

  const taskId = await editor.generateTask();
  const card = editor.output.card(taskId);
  await expect(editor.output.status(card)).toHaveText("Done", { timeout: 60_000 });
  await editor.output.expectPlaying(card);
  await page.screenshot({ path: testInfo.outputPath("editor-done.png") });

  await page.goto("/library");
  await expect(page.getByRole("button", { name: /^Open task/ }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("library.png") });

  // As the page's own fetch would: a cookie-authenticated write carries our Origin and a JSON body.
  const shared = await request.post(`/api/tasks/${taskId}/share`, { data: {}, headers: { origin: new URL(page.url()).origin } });
  const { share } = (await shared.json()) as { share: { slug: string } };
  await page.goto(`/s/${share.slug}`);
  await expect(page.getByLabel("Generated video")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("share.png") });

  await page.goto(`/s/${share.slug}/embed`);
  const player = page.locator("video");
  await expect(player).toHaveAttribute("src", `/api/shares/${share.slug}/video`);
  await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.readyState)).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: testInfo.outputPath("embed.png") });

  expect(watched.violations).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);

  // A page on another origin may frame the player but not the share page itself.
  const framing = await browser.newPage();
  let embedder: http.Server | undefined;
  try {
    const origin = new URL(page.url()).origin;
    // Another origin on loopback (Chromium keeps public pages from framing local ones at all).
    const html = `<iframe id="player" src="${origin}/s/${share.slug}/embed" width="640" height="360"></iframe><iframe id="page" src="${origin}/s/${share.slug}" width="640" height="360"></iframe>`;
    embedder = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(html));
    await new Promise<void>((resolve) => embedder!.listen(0, "127.0.0.1", resolve));
    await framing.goto(`http://127.0.0.1:${(embedder.address() as AddressInfo).port}/`);
    const playerFrame = framing.frameLocator("#player");
    await expect(playerFrame.locator("video")).toBeVisible();
    await expect(playerFrame.getByRole("link", { name: "Open in Motion Studio" })).toHaveAttribute("href", `/s/${share.slug}`);
    // The load event waited for both frames: the share page's stayed empty (the browser refused it).
    await expect(framing.frameLocator("#page").locator("#share-title, video")).toHaveCount(0);
    await framing.screenshot({ path: testInfo.outputPath("framed.png") });
  } finally {
    await framing.close();
    embedder?.close();
  }
});
