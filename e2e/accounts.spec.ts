import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { LOCALE_COOKIE } from "../lib/i18n/locales";
import { startApp, type AppServer } from "../tests/support/app-server";

/**
 * A fresh install, in the browser: set-up creates the owner and lands on the account page; a passkey
 * made with Chromium's virtual authenticator then signs in without a password. Runs on its own app
 * (no headless owner) at http://localhost, since WebAuthn refuses IP-address origins.
 */

const DOCS_DIR = path.resolve(import.meta.dirname, "../docs/screenshots");
const OWNER = { name: "Ada Owner", email: "ada@example.com", password: "ada-password-123" };

let app: AppServer;
let base: string;

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  app = await startApp({ env: { OWNER_EMAIL: "", OWNER_PASSWORD: "" } });
  base = `http://localhost:${app.port}`;
});
test.afterAll(async () => {
  await app?.stop();
});

/** A platform authenticator that always verifies the user, as a device with a screen lock would. */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

test.describe.configure({ mode: "serial" });

/** Full-page shots in test-results (or docs/screenshots with DOCS_SCREENSHOTS=1), in both languages. */
async function shootBothLanguages(page: Page, name: string): Promise<void> {
  for (const locale of ["en", "zh-CN"]) {
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: base }]);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 10_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = `account-${name}-${locale}.png`;
    await page.screenshot({ path: process.env.DOCS_SCREENSHOTS === "1" ? path.join(DOCS_DIR, file) : test.info().outputPath(file), fullPage: true, caret: "hide" });
  }
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "en", url: base }]);
  await page.reload();
}

test("first-run set-up creates the owner, then a passkey signs in", async ({ page }) => {
  await page.goto(`${base}/account`);
  await expect(page).toHaveURL(`${base}/setup`);
  await shootBothLanguages(page, "setup");
  await page.getByLabel("Name").fill(OWNER.name);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create owner account" }).click();
  await expect(page).toHaveURL(`${base}/account`);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(OWNER.email)).toBeVisible();
  await expect(page.getByText("Owner", { exact: true })).toBeVisible();

  // Set-up is closed now that an owner exists: it leads to sign-in, which sends the signed-in owner on.
  await page.goto(`${base}/setup`);
  await expect(page).toHaveURL(`${base}/`);

  await page.goto(`${base}/account`);
  await addVirtualAuthenticator(page);
  await page.getByLabel("Passkey name").fill("Test laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("list", { name: "Passkeys" }).getByText("Test laptop")).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${base}/account`);
  await expect(page).toHaveURL(`${base}/sign-in?next=%2Faccount`);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(`${base}/account`);
  await expect(page.getByText(OWNER.email)).toBeVisible();
});

test("the account pages, in English and Chinese", async ({ page }) => {
  await page.goto(`${base}/sign-in?next=/members`);
  await shootBothLanguages(page, "sign-in");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${base}/members`);

  await page.getByLabel("Monthly units").fill("500");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByRole("textbox", { name: "Invite someone" }).inputValue();
  expect(link).toMatch(/\/sign-up\?invite=/);
  await expect(page.getByRole("list", { name: "Open invites" })).toContainText("500");

  // The invitee's view, in a browser without the owner's session.
  const invitee = await page.context().browser()!.newContext();
  const other = await invitee.newPage();
  await other.goto(link.replace(/^https?:\/\/[^/]+/, base));
  await shootBothLanguages(other, "sign-up");
  await other.getByLabel("Name").fill("Ben Member");
  await other.getByLabel("Email").fill("ben@example.com");
  await other.getByLabel("Password").fill("ben-password-123");
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other).toHaveURL(`${base}/account`);
  await expect(other.getByText("Member", { exact: true })).toBeVisible();
  await expect(other.getByText("0 of 500 units used")).toBeVisible();
  await other.goto(`${base}/members`);
  await expect(other.getByRole("heading", { name: "Members" })).toHaveCount(0);
  await invitee.close();

  // The owner sees the new member (the used invite is gone) and one more open invite.
  await page.getByLabel("Monthly units").fill("");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByRole("list", { name: "Open invites" })).toContainText("Unlimited");
  await page.reload();
  await expect(page.getByRole("list", { name: "People" })).toContainText("ben@example.com");
  await expect(page.getByRole("list", { name: "Open invites" })).not.toContainText("500");
  await shootBothLanguages(page, "members");

  await page.goto(`${base}/account`);
  await page.getByLabel("Key name", { exact: true }).fill("render script");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("list", { name: "API keys" })).toContainText("render script");
  await shootBothLanguages(page, "account");
});
