import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatSummary, notRun, summariseExit, summarisePlaywright, summariseVitest } from "../../scripts/test-summary.mjs";

// Reports recorded from real Vitest and Playwright runs of each failure kind (tests/fixtures/runner-reports).
const report = (name: string): unknown => JSON.parse(readFileSync(path.join(import.meta.dirname, "../fixtures/runner-reports", `${name}.json`), "utf8"));
const total = (...results: ReturnType<typeof summariseExit>[]) => formatSummary(results);

describe("test summary", () => {
  it.each([
    ["a suite failing at import", "vitest-import"],
    ["a beforeAll failure (tests reported as pending)", "vitest-beforeall"],
    ["a file with no tests", "vitest-zero"],
    ["no test files at all", "vitest-nofiles"],
    ["a failing assertion", "vitest-fail"],
  ])("counts Vitest's %s as a failure", (_kind, name) => {
    const result = summariseVitest("vitest", 1, report(name));
    expect(result.failed).toBeGreaterThan(0);
    const { lines, exitCode } = total(summariseExit("lint", 0), result);
    expect(exitCode).toBe(1);
    expect(lines.at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
  });

  it("still counts the beforeAll failure when the runner's exit code is lost", () => {
    const result = summariseVitest("vitest", 0, report("vitest-beforeall"));
    expect(result.failed).toBe(1);
    expect(result.skipped).toBe(2);
    expect(result.problems.join()).toMatch(/suite failed without a failed test/);
  });

  it("counts a failing assertion once, not once per test and once per suite", () => {
    expect(summariseVitest("vitest", 1, report("vitest-fail"))).toMatchObject({ passed: 1, failed: 1 });
  });

  it.each([
    ["a web server that cannot start", "pw-webserver", /was not able to start/],
    ["zero tests", "pw-zero", /No tests found/],
  ])("counts Playwright's %s as a failure", (_kind, name, message) => {
    const result = summarisePlaywright("playwright", 1, report(name));
    expect(result.failed).toBeGreaterThan(0);
    expect(result.problems.join()).toMatch(message);
    expect(total(result).exitCode).toBe(1);
  });

  it("counts top-level Playwright errors even with exit code 0", () => {
    expect(summarisePlaywright("playwright", 0, report("pw-webserver")).failed).toBe(1);
  });

  it("reports passes, failures and skips of a mixed Playwright run", () => {
    expect(summarisePlaywright("playwright", 1, report("pw-mixed"))).toMatchObject({ passed: 1, failed: 1, skipped: 1 });
  });

  it("prints skipped tests and exits 0 only on an all-green run", () => {
    const { lines, exitCode } = total(summariseExit("lint", 0), summariseVitest("vitest", 0, report("vitest-pass")), summarisePlaywright("playwright", 0, report("pw-pass")));
    expect(exitCode).toBe(0);
    expect(lines).toContain("vitest: 2 passed, 0 failed, 1 skipped");
    expect(lines).toContain("2 skipped");
    expect(lines.at(-1)).toBe("5 passed, 0 failed");
  });

  it("counts a runner that exits non-zero with a clean-looking report", () => {
    const result = summariseVitest("vitest", 1, report("vitest-pass"));
    expect(result.failed).toBe(1);
    expect(result.problems).toContain("exited with code 1");
  });

  it("counts a missing or unreadable report, a signal and a runner that never ran", () => {
    expect(summariseVitest("vitest", 0, null).failed).toBe(1);
    expect(summarisePlaywright("playwright", 0, { nonsense: true }).failed).toBe(1);
    expect(summariseExit("build", null).problems).toEqual(["exited with no exit code (killed by a signal)"]);
    const { lines, exitCode } = total(summariseExit("build", 1), notRun("vitest", "the build failed"));
    expect(exitCode).toBe(1);
    expect(lines.at(-1)).toBe("0 passed, 2 failed");
  });
});
