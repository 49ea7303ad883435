import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { sceneImage } from "./fixtures/images";

/**
 * Library titles, search and sort: tasks are titled from their prompt, renamed in the task dialog,
 * found by words of the title or the prompt (server-side, over every page), ordered by title or age;
 * each card is named with a human status word, in English and in Chinese.
 */

const zh = JSON.parse(readFileSync(new URL("../lib/i18n/messages/zh-CN.json", import.meta.url), "utf8")) as { library: { search: Record<string, string> } };
/** Unique per run: the e2e server's data outlives one spec file, so searches look for this word only. */
const WORD = `x${Date.now().toString(36)}`;
const KITE = `${WORD} red kite climbs`;
const CAT = `${WORD} cat yawns in the sun`;

const sameOrigin = () => ({ origin: new URL(test.info().project.use.baseURL ?? "").origin });

/** A finished preview task with `prompt`, made through the API (the editor is not what this spec is about). */
async function finishedTask(request: APIRequestContext, frame: string, prompt: string): Promise<string> {
  const created = await request.post("/api/tasks", { headers: sameOrigin(), data: { version: 1, provider: "preview", startFrame: frame, prompt } });
  expect(created.status(), await created.text()).toBe(201);
  const { task } = (await created.json()) as { task: { id: string } };
  await expect
    .poll(async () => ((await (await request.get(`/api/tasks/${task.id}`)).json()) as { task: { status: string } }).task.status, { timeout: 45_000 })
    .toBe("succeed");
  return task.id;
}

async function search(page: Page, words: string, label = "Search titles and prompts"): Promise<void> {
  const box = page.getByRole("searchbox", { name: label });
  await box.fill(words);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(words).replace(/%20/g, "\\+")}`));
}

const cards = (page: Page) => page.getByRole("list", { name: "Tasks" }).getByRole("button", { name: /^Open task/ });

test("tasks are titled from the prompt, renamed in place, searched and sorted", async ({ page, request }, testInfo) => {
  test.slow();
  const upload = await request.post("/api/assets", {
    headers: sameOrigin(),
    multipart: { file: { name: "scene.png", mimeType: "image/png", buffer: await sceneImage({ width: 960, height: 540 }) } },
  });
  expect(upload.status()).toBe(201);
  const { asset } = (await upload.json()) as { asset: { id: string } };
  await finishedTask(request, asset.id, KITE);
  await finishedTask(request, asset.id, CAT);

  await page.goto("/library");
  await search(page, WORD);
  await expect(cards(page)).toHaveCount(2);
  // Newest first; named by the prompt and a human status word, never the API's "succeed".
  await expect(cards(page).nth(0)).toHaveAccessibleName(`Open task “${CAT}”, Finished`);
  await expect(cards(page).nth(1)).toHaveAccessibleName(`Open task “${KITE}”, Finished`);

  // The prompt's words find a task too.
  await search(page, `${WORD} yawns`);
  await expect(cards(page)).toHaveCount(1);

  await cards(page).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Rename" }).click();
  const field = dialog.getByRole("textbox", { name: "Title" });
  await expect(field).toHaveValue(CAT);
  // Escape leaves the edit, not the dialog.
  await page.keyboard.press("Escape");
  await expect(field).toBeHidden();
  await expect(dialog).toBeVisible();

  await dialog.getByRole("button", { name: "Rename" }).click();
  await field.fill("y".repeat(90));
  await field.press("Enter");
  await expect(dialog.getByRole("alert")).toContainText("80");
  await field.fill(`Sleepy ${WORD}`);
  await field.press("Enter");
  await expect(dialog.getByRole("heading", { name: `Sleepy ${WORD}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("library-dialog-en.png") });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(cards(page).first()).toHaveAccessibleName(`Open task “Sleepy ${WORD}”, Finished`);

  // The new title is what search and sort know.
  await search(page, WORD);
  await expect(cards(page)).toHaveCount(2);
  await page.getByRole("navigation", { name: "Sort order" }).getByRole("link", { name: "Title" }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(cards(page).nth(0)).toHaveAccessibleName(`Open task “Sleepy ${WORD}”, Finished`);
  await expect(cards(page).nth(1)).toHaveAccessibleName(`Open task “${KITE}”, Finished`);
  await page.getByRole("navigation", { name: "Sort order" }).getByRole("link", { name: "Oldest" }).click();
  await expect(page).toHaveURL(/sort=oldest/);
  await expect(cards(page).nth(0)).toHaveAccessibleName(`Open task “${KITE}”, Finished`);
  await expect(page.getByRole("searchbox", { name: "Search titles and prompts" })).toHaveValue(WORD);
  await page.screenshot({ path: testInfo.outputPath("library-en.png") });

  await search(page, `${WORD} nothing like this`);
  await expect(page.getByText("No task matches")).toBeVisible();
});

test("the library reads in Chinese, status words included", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ locale: "zh-CN", storageState: testInfo.project.use.storageState, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto("/library");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await search(page, WORD, zh.library.search.label);
  const first = page.getByRole("button", { name: /^打开任务/ }).first();
  await expect(first).toBeVisible();
  await expect(first).toHaveAccessibleName(/，已完成$/);
  await page.screenshot({ path: testInfo.outputPath("library-zh-CN.png") });
  await context.close();
});
