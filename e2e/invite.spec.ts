import { expect, test, type APIRequestContext } from "@playwright/test";
import { makeImage, motionBrushRecipe } from "../tests/support/fixtures";

/**
 * An invite, end to end: the owner (the signed-in storage state) makes a link on /members; a second
 * browser with no session opens it, signs up and reaches the editor; each library shows only its
 * owner's work.
 */

const MEMBER = { name: "Mia Member", email: "mia-invite@example.com", password: "mia-password-123" };

/** Creates a preview task as whoever `request` is signed in as, the way the editor's own requests look. */
async function createTask(request: APIRequestContext, origin: string): Promise<string> {
  const headers = { origin };
  const image = await makeImage(640, 360, { square: { x: 80, y: 80, size: 60, color: "#e11d48" } });
  const uploaded = await request.post("/api/assets", { headers, multipart: { file: { name: "frame.jpg", mimeType: "image/jpeg", buffer: image } } });
  expect(uploaded.status()).toBe(201);
  const { asset } = (await uploaded.json()) as { asset: { id: string } };
  const created = await request.post("/api/tasks", { headers, data: motionBrushRecipe(asset.id) });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { task: { id: string } }).task.id;
}

test("an invited member signs up in another browser and has a library of their own", async ({ page, browser, baseURL }) => {
  const origin = new URL(baseURL ?? "http://127.0.0.1:3100").origin;
  await createTask(page.request, origin);
  await page.goto("/library");
  await expect(page.getByRole("button", { name: /^Open task/ }).first()).toBeVisible();

  await page.goto("/members");
  await page.getByLabel("Monthly units").fill("");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByRole("textbox", { name: "Invite someone" }).inputValue();
  expect(link).toMatch(/\/sign-up\?invite=/);

  // A browser that has never signed in: only the invite link gets it in.
  const memberContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const member = await memberContext.newPage();
    await member.goto(`${origin}/`);
    await expect(member).toHaveURL(`${origin}/sign-in?next=%2F`);

    // The link names PUBLIC_BASE_URL's host when one is set; this test server is at `origin`.
    const invite = new URL(link, origin);
    await member.goto(`${origin}${invite.pathname}${invite.search}`);
    await member.getByLabel("Name").fill(MEMBER.name);
    await member.getByLabel("Email").fill(MEMBER.email);
    await member.getByLabel("Password").fill(MEMBER.password);
    await member.getByRole("button", { name: "Create account" }).click();
    await expect(member.getByText("Member", { exact: true })).toBeVisible();

    await member.goto(`${origin}/`);
    await expect(member.getByRole("heading", { name: "Motion Studio" })).toBeVisible();

    // The owner's task is not the member's to see.
    await member.goto(`${origin}/library`);
    await expect(member.getByText("No tasks yet")).toBeVisible();
    await expect(member.getByRole("button", { name: /^Open task/ })).toHaveCount(0);
  } finally {
    await memberContext.close();
  }

  // And the owner's library still has it.
  await page.goto("/library");
  await expect(page.getByRole("button", { name: /^Open task/ }).first()).toBeVisible();
});
