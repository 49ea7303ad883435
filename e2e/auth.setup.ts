import { expect, test as setup } from "@playwright/test";
import { E2E_OWNER, OWNER_STATE } from "./e2e-owner";

/** Signs in once as the headless owner and saves the cookie, so every spec starts signed in. */
setup("sign in as the owner", async ({ page }) => {
  await page.goto("/sign-in?next=/account");
  await page.getByLabel("Email").fill(E2E_OWNER.email);
  await page.getByLabel("Password").fill(E2E_OWNER.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // The pathname, not the whole URL: `/sign-in?next=/account` also ends in "/account".
  await expect(page).toHaveURL((url) => url.pathname === "/account");
  await page.context().storageState({ path: OWNER_STATE });
});
