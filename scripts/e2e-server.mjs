// Starts the built app for Playwright with a throw-away DATA_DIR and a fast preview engine.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const port = process.argv[2] ?? "3100";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "motion-studio-e2e-"));
// The owner is created headlessly (e2e/e2e-owner.ts has the same values); e2e/auth.setup.ts signs in as it.
const env = {
  ...process.env,
  PORT: port,
  DATA_DIR: dataDir,
  ENGINE_STEP_MS: process.env.ENGINE_STEP_MS ?? "300",
  TASK_REFRESH_MS: "300",
  OWNER_EMAIL: "e2e-owner@example.com",
  OWNER_PASSWORD: "e2e-owner-password",
};
for (const name of ["KLING_API_BASE_URL", "KLING_API_KEY", "KLING_ACCESS_KEY", "KLING_SECRET_KEY"]) delete env[name];
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
