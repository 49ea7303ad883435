import type { Page } from "@playwright/test";
import { startApp, type AppServer } from "../tests/support/app-server";
import { TEST_OWNER } from "../tests/support/test-owner";
import { startRecordingKling, type RecordingKling } from "../tests/support/recording-kling";
import { expect, test as base } from "./fixtures/test";
import { EditorPage } from "./pages/editor-page";

/**
 * Budget confirmation before a paid run, against a local Kling-compatible upstream over real HTTP.
 * The default e2e server has no Kling credentials, so this spec starts its own app whose Kling is the
 * recording stand-in (tests/support/recording-kling.ts). kling-v1 std 5 s is estimated at 1 unit
 * (lib/spend/unit-table.ts); the stand-in charges 0.5, so the readout can tell the settled charge
 * (0.5 of 1 left) from the reservation (0 of 1 left), and the next 1-unit run no longer fits.
 */

const KLING_KEY = "sk-e2e-budget-7c2f94d1";
const SCENE = { width: 960, height: 540 };

type PaidServer = { kling: RecordingKling; app: AppServer };

const test = base.extend<{ paid: PaidServer }>({
  paid: async ({}, provide) => {
    const kling = await startRecordingKling({ queriesUntilDone: 2, unitsCharged: "0.5" });
    let app: AppServer | undefined;
    try {
      app = await startApp({ env: { KLING_API_BASE_URL: `${kling.url}/kling`, KLING_API_KEY: KLING_KEY } });
      await provide({ kling, app });
    } finally {
      await app?.stop();
      await kling.close();
    }
  },
  // Every page.goto("/…") of this spec goes to its own app, not to the default e2e server.
  baseURL: async ({ paid }, provide) => provide(paid.app.url),
});

// Signed out: the spec signs in through the real sign-in page of its own app.
test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page, next: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(TEST_OWNER.email);
  await page.getByLabel("Password").fill(TEST_OWNER.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === next);
}

/** The owner gives themself a monthly budget on the Members page, as they would any member. */
async function setOwnBudget(page: Page, units: string): Promise<void> {
  const field = page.getByRole("textbox", { name: /^Budget for / });
  await expect(field).toHaveCount(1);
  await field.fill(units);
  const saved = page.waitForResponse((r) => /\/api\/members\/[^/]+$/.test(r.url()) && r.request().method() === "PATCH");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  expect((await saved).status()).toBe(204);
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), caret: "hide" });

test("budget confirmation before a paid run against a local Kling-compatible upstream", async ({ page, paid, images }) => {
  test.setTimeout(180_000);
  const { kling } = paid;
  const taskPosts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/tasks") taskPosts.push(request.url());
  });

  await signIn(page, "/members");
  await setOwnBudget(page, "1");

  const editor = new EditorPage(page);
  await editor.goto();
  await editor.openImage(images.scene, SCENE);
  const { settings } = editor;
  await settings.radio("Provider", "Kling").click();
  await expect(settings.radio("Provider", "Kling")).toBeChecked();
  await expect(settings.model).toHaveValue("kling-v1");
  await expect(settings.radio("Mode", "std")).toBeChecked();
  await expect(settings.radio("Duration", "5 s")).toBeChecked();

  const readout = page.getByTestId("budget-left");
  await expect(readout).toHaveText("Units left this month: 1 of 1");

  // Generate asks first; Cancel sends nothing, neither to the app nor upstream.
  const dialog = page.getByRole("dialog", { name: "Start a paid run?" });
  await editor.generate.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("This run uses about 1 of your Kling units.");
  await expect(dialog).toContainText("Units left this month: 1 of 1.");
  await expect(dialog).not.toContainText("more than you have left");
  await shot(page, "budget-confirm-en");
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(taskPosts).toEqual([]);
  expect(kling.creates()).toEqual([]);
  await expect(readout).toHaveText("Units left this month: 1 of 1");

  // Generate again and confirm: exactly one create reaches the upstream, with the app's key.
  await editor.generate.click();
  await expect(dialog).toBeVisible();
  const created = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/tasks" && r.request().method() === "POST");
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  const response = await created;
  expect(response.status(), await response.text()).toBe(201);
  const { task } = (await response.json()) as { task: { id: string } };
  await expect(dialog).toBeHidden();
  expect(kling.creates()).toHaveLength(1);
  const [create] = kling.creates();
  expect(create!.headers.authorization).toBe(`Bearer ${KLING_KEY}`);
  expect(create!.body).toMatchObject({ model_name: "kling-v1", mode: "std", duration: "5" });

  const card = editor.output.card(task.id);
  await expect(card).toBeVisible();
  await expect(editor.output.status(card)).toHaveText("Done", { timeout: 60_000 });
  // Settled to what the upstream charged (0.5), not the reserved estimate (1).
  await expect(readout).toHaveText("Units left this month: 0.5 of 1");

  // The next 1-unit run no longer fits: the dialog warns, and the server refuses it with a 402.
  await editor.generate.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("This run uses about 1 of your Kling units.");
  await expect(dialog).toContainText("Units left this month: 0.5 of 1.");
  await expect(dialog).toContainText("That is more than you have left, so the server will likely refuse it.");
  await shot(page, "budget-confirm-over-en");
  const refused = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/tasks" && r.request().method() === "POST");
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  expect((await refused).status()).toBe(402);
  const alert = page.getByRole("alert").filter({ hasText: "The task could not be sent." });
  await expect(alert).toContainText("This run needs about 1 of your units; you have 0.5 of 1 left this month.");
  // Nothing in the document to fix: the "fix it and generate again" hint is not shown for a budget refusal.
  await expect(alert).not.toContainText("fix it and generate again");
  await expect(readout).toHaveText("Units left this month: 0.5 of 1");
  expect(kling.creates()).toHaveLength(1);
  expect(taskPosts).toHaveLength(2);
  await shot(page, "budget-refused-en");

  // The same refusal and question in Chinese (the switch re-renders without a reload).
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const alertZh = page.getByRole("alert").filter({ hasText: "任务未能发送。" });
  await expect(alertZh).toContainText("这次生成约需 1 单位；本月您还剩 0.5 / 1 单位。");
  await expect(page.getByTestId("budget-left")).toHaveText("本月还剩 0.5 / 1 单位");
  await shot(page, "budget-refused-zh");
  await page.getByRole("button", { name: "生成", exact: true }).click();
  const dialogZh = page.getByRole("dialog", { name: "开始付费生成？" });
  await expect(dialogZh).toContainText("这次生成约消耗 1 个可灵单位。");
  await expect(dialogZh).toContainText("本月您还剩 0.5 / 1 单位。");
  await shot(page, "budget-confirm-over-zh");
  await dialogZh.getByRole("button", { name: "取消", exact: true }).click();
  await expect(dialogZh).toBeHidden();
  expect(kling.creates()).toHaveLength(1);

  // The Kling key never reaches the browser.
  expect(await page.content()).not.toContain(KLING_KEY);
});
