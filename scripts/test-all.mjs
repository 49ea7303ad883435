// The one test command (README, CI): lint, types, build, Vitest (unit + route), Playwright (e2e).
// Ends with the honest total over every runner: `N passed, N failed` (see test-summary.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { formatSummary, notRun, summariseExit, summarisePlaywright, summariseVitest } from "./test-summary.mjs";

const results = [];
const run = (label, command, args, env = {}) => {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status;
};
const readJson = (file) => {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
  } catch {
    return null;
  }
};

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

results.push(summariseExit("lint", run("lint", "npx", ["eslint", ".", "--max-warnings=0"])));
results.push(summariseExit("typecheck", run("typecheck", "npx", ["tsc", "--noEmit"])));
const build = summariseExit("build", run("build", "npx", ["next", "build"]));
results.push(build);

if (build.failed) {
  results.push(notRun("vitest", "the build failed"), notRun("playwright", "the build failed"));
} else {
  const vitestReport = "test-results/vitest.json";
  const vitestExit = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
  results.push(summariseVitest("vitest", vitestExit, readJson(vitestReport)));

  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    results.push(notRun("playwright", `Debian's Chromium is missing at ${chromium} (apt-get install -y chromium)`));
  } else {
    const e2eReport = "test-results/e2e.json";
    const e2eExit = run("playwright", "npx", ["playwright", "test"], { PW_JSON_OUTPUT: e2eReport });
    results.push(summarisePlaywright("playwright", e2eExit, readJson(e2eReport)));
  }
}

const { lines, exitCode } = formatSummary(results);
console.log("\n=== summary");
for (const line of lines) console.log(line);
process.exit(exitCode);
