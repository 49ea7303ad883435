// The one test command (README, CI): lint, types, build, Vitest (unit + route), Playwright (e2e).
// Ends with the honest total over every runner: `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const results = [];
const run = (label, command, args, env = {}) => {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const { status } = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return status === 0;
};
const check = (label, ok) => results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

check("lint", run("lint", "npx", ["eslint", ".", "--max-warnings=0"]));
check("typecheck", run("typecheck", "npx", ["tsc", "--noEmit"]));
const built = run("build", "npx", ["next", "build"]);
check("build", built);

if (built) {
  run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
  const vitest = readJson("test-results/vitest.json");
  results.push({ label: "vitest", passed: vitest?.numPassedTests ?? 0, failed: vitest ? vitest.numFailedTests : 1 });

  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`\nPlaywright needs Debian's Chromium at ${chromium}: apt-get install -y chromium`);
    results.push({ label: "playwright", passed: 0, failed: 1 });
  } else {
    run("playwright", "npx", ["playwright", "test"], { PW_JSON_OUTPUT: "test-results/e2e.json" });
    const stats = readJson("test-results/e2e.json")?.stats;
    results.push({ label: "playwright", passed: stats?.expected ?? 0, failed: stats ? stats.unexpected + stats.flaky : 1 });
  }
}

console.log("\n=== summary");
for (const { label, passed, failed } of results) console.log(`${label}: ${passed} passed, ${failed} failed`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && built ? 0 : 1);
