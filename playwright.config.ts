import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { OWNER_STATE } from "./e2e/e2e-owner";

/**
 * End-to-end tests drive the built app in Debian's Chromium (no browser download). Set PW_BASE_URL to
 * reuse a server you already run (e.g. `next dev`); otherwise the built app is started on port 3100 with
 * a fresh DATA_DIR and a fast preview engine.
 */
// PW_PORT lets several checkouts run their e2e tests at once on one machine.
const port = Number(process.env.PW_PORT ?? 3100);
// The engine key the e2e server starts with and the fixtures call the engine with: workers and the web
// server inherit this process's environment. With PW_BASE_URL, set it to that server's key.
process.env.ENGINE_API_KEY ||= randomBytes(24).toString("base64url");
const external = process.env.PW_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PW_JSON_OUTPUT ? [["list"], ["json", { outputFile: process.env.PW_JSON_OUTPUT }]] : "list",
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    // Signs in as the headless owner once; the specs start from that session.
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, storageState: OWNER_STATE } },
  ],
  webServer: external
    ? undefined
    : {
        command: `node scripts/e2e-server.mjs ${port}`,
        url: `${baseURL}/api/health`,
        timeout: 120_000,
        reuseExistingServer: false,
      },
});
