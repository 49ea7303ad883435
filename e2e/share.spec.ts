import { expect, test, type APIRequestContext } from "@playwright/test";
import { sceneImage } from "./fixtures/images";

/**
 * Share links end to end: a finished task is shared from the library, the public page is opened in
 * a fresh browser (no cookies, and once without JavaScript), revoked, and remixed into the editor.
 * Geometry is in image pixels of the 960 × 540 scene (kite at ~595,150).
 */

const PROMPT = "the kite climbs into the wind";
const TRAJECTORY = [
  { x: 595, y: 150 },
  { x: 700, y: 110 },
  { x: 820, y: 80 },
];

function recipe(startFrame: string) {
  return {
    version: 1,
    provider: "preview",
    model: "kling-v1",
    mode: "std",
    duration: "5",
    prompt: PROMPT,
    startFrame,
    staticMask: { strokes: [{ op: "paint", size: 60, points: [{ x: 20, y: 480 }, { x: 940, y: 480 }] }] },
    regions: [{ mask: { strokes: [{ op: "paint", size: 90, points: [{ x: 595, y: 150 }] }] }, trajectory: TRAJECTORY, easing: "linear" }],
  };
}

type Task = { id: string; status: string; recipe: { regions: unknown[]; staticMask: unknown } };

const sameOrigin = () => ({ origin: new URL(test.info().project.use.baseURL ?? "").origin });

/** A finished preview task made through the API: the editor is not what this spec is about. */
async function finishedTask(request: APIRequestContext): Promise<Task> {
  // As the editor's own requests are: a cookie-authenticated write must carry our Origin.
  const SAME_ORIGIN = sameOrigin();
  const upload = await request.post("/api/assets", {
    headers: SAME_ORIGIN,
    multipart: { file: { name: "scene.png", mimeType: "image/png", buffer: await sceneImage({ width: 960, height: 540 }) } },
  });
  expect(upload.status()).toBe(201);
  const { asset } = (await upload.json()) as { asset: { id: string } };
  const created = await request.post("/api/tasks", { headers: SAME_ORIGIN, data: recipe(asset.id) });
  expect(created.status(), await created.text()).toBe(201);
  const { task } = (await created.json()) as { task: Task };
  let current = task;
  await expect
    .poll(async () => (current = ((await (await request.get(`/api/tasks/${task.id}`)).json()) as { task: Task }).task).status, { timeout: 45_000 })
    .toBe("succeed");
  return current;
}

test("share from the library, watch in a fresh browser with and without JavaScript, then revoke", async ({ page, browser, request }) => {
  const task = await finishedTask(request);

  await page.goto("/library");
  await page.getByRole("button", { name: new RegExp(`^Open task “${PROMPT}”`) }).click();
  const dialog = page.getByRole("dialog", { name: PROMPT });
  await expect(dialog.getByLabel("Generated video")).toBeVisible();
  await dialog.getByRole("switch", { name: "Show the prompt on the page" }).click();
  await dialog.getByRole("button", { name: "Create share link" }).click();
  const linkField = dialog.getByRole("textbox", { name: "Share link" });
  await expect(linkField).toHaveValue(/\/s\/[A-Za-z0-9_-]{21}$/);
  const link = await linkField.inputValue();

  // No JavaScript, no cookies: the server-rendered page alone.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const plainPage = await plain.newPage();
  const response = await plainPage.goto(link);
  expect(response?.status()).toBe(200);
  await expect(plainPage.getByRole("heading", { level: 1 })).toContainText(PROMPT);
  const video = plainPage.getByLabel("Generated video");
  await expect(video).toHaveAttribute("poster", /\/api\/shares\/[A-Za-z0-9_-]{21}\/poster$/);
  await expect(video).toHaveAttribute("controls", "");
  await expect(plainPage.locator('[data-trajectory="region-0"] polyline').last()).toHaveAttribute("points", TRAJECTORY.map((p) => `${p.x},${p.y}`).join(" "));
  await expect(plainPage.locator('[data-layer="region-0"]')).toHaveCount(1);
  await expect(plainPage.locator('[data-layer="static"]')).toHaveCount(1);
  await expect(plainPage.getByRole("link", { name: "Remix in the editor" })).toHaveAttribute("href", /^\/\?remix=/);
  expect(await plainPage.content()).not.toContain(task.id);
  await plain.close();

  // A fresh browser with JavaScript: the video really plays.
  const viewer = await browser.newContext();
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(link);
  const playing = viewerPage.getByLabel("Generated video");
  await expect.poll(() => playing.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  const first = await playing.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(() => playing.evaluate((v: HTMLVideoElement) => v.currentTime)).not.toBe(first);

  // Revoked: the same link now answers 404 with the "does not work" page.
  await dialog.getByRole("button", { name: "Revoke link" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke link" }).click();
  await expect(dialog.getByRole("button", { name: "Create share link" })).toBeVisible();
  const gone = await viewerPage.goto(link);
  expect(gone?.status()).toBe(404);
  await expect(viewerPage.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await viewer.close();
});

test("remix opens the editor with a copy of the same regions and paths", async ({ page, request }) => {
  const task = await finishedTask(request);
  const shared = await request.post(`/api/tasks/${task.id}/share`, { headers: sameOrigin(), data: { showPrompt: true } });
  const { share } = (await shared.json()) as { share: { slug: string } };

  await page.goto(`/?remix=${share.slug}`);
  await expect(page.getByRole("button", { name: "Region 1", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Region 2", exact: true })).toHaveCount(0);
  // The remixed frame is fitted as soon as it is there (it used to show unfitted for seconds): the
  // 960 × 540 image lies centred inside the canvas within a second of the regions appearing.
  const canvas = page.getByTestId("editor-canvas");
  await expect
    .poll(
      async () => {
        const view = JSON.parse((await canvas.getAttribute("data-viewport")) ?? "{}") as { scale: number; x: number; y: number };
        const box = (await canvas.boundingBox())!;
        // Centred (the unfitted view sits at 0, 0) and whole.
        return view.x > 0 && view.y > 0 && view.x + 960 * view.scale <= box.width + 0.5 && view.y + 540 * view.scale <= box.height + 0.5;
      },
      { timeout: 1_000, intervals: [50, 100] },
    )
    .toBe(true);

  // What the editor now sends is the shared recipe: same masks, same path, same frame.
  const created = page.waitForResponse((r) => r.url().endsWith("/api/tasks") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  const { task: remixed } = (await (await created).json()) as { task: Task };
  expect(remixed.id).not.toBe(task.id);
  expect(remixed.recipe.regions).toEqual(task.recipe.regions);
  expect(remixed.recipe.staticMask).toEqual(task.recipe.staticMask);
});
