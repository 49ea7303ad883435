// Turns what each test runner left behind (its exit code and its JSON report) into honest counts.
// A runner counts as failed when it exits non-zero, reports failed suites or top-level errors, or ran no
// test at all: each of those adds at least one failure, so the total can never read `0 failed` then.

/** @typedef {import("./test-summary.d.mts").RunnerResult} RunnerResult */

/** A runner that has no report of its own (lint, types, build): its exit code is its result. */
export function summariseExit(label, exitCode) {
  const ok = exitCode === 0;
  return { label, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, problems: ok ? [] : [`exited with ${describeExit(exitCode)}`] };
}

/** A runner that was never started (e.g. the build it needs failed). */
export function notRun(label, reason) {
  return { label, passed: 0, failed: 1, skipped: 0, problems: [`not run: ${reason}`] };
}

/** Vitest's JSON reporter (`--reporter=json`), Jest-compatible. */
export function summariseVitest(label, exitCode, report) {
  if (!report || typeof report !== "object") return withExit({ label, passed: 0, failed: 1, skipped: 0, problems: ["wrote no JSON report"] }, exitCode);
  const problems = [];
  const passed = count(report.numPassedTests);
  let failed = count(report.numFailedTests);
  const skipped = count(report.numPendingTests) + count(report.numTodoTests);
  // A file that fails at import or in beforeAll marks its tests skipped and only the suite failed.
  for (const file of Array.isArray(report.testResults) ? report.testResults : []) {
    const assertions = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    if (file.status === "failed" && !assertions.some((a) => a.status === "failed")) {
      failed += 1;
      problems.push(`suite failed without a failed test: ${file.name ?? "?"}${firstLine(file.message)}`);
    }
  }
  if (report.success === false && failed === 0) {
    failed = 1;
    problems.push("report says success: false");
  }
  if (passed + failed === 0) {
    failed = 1;
    problems.push("executed zero tests");
  }
  return withExit({ label, passed, failed, skipped, problems }, exitCode);
}

/** Playwright's JSON reporter. */
export function summarisePlaywright(label, exitCode, report) {
  const stats = report?.stats;
  if (!stats) return withExit({ label, passed: 0, failed: 1, skipped: 0, problems: ["wrote no JSON report"] }, exitCode);
  const problems = [];
  const errors = Array.isArray(report.errors) ? report.errors : [];
  for (const error of errors) problems.push(`top-level error${firstLine(error.message)}`);
  const passed = count(stats.expected);
  // A flaky test passed only on retry: it is not a pass we can trust.
  const failed = count(stats.unexpected) + count(stats.flaky) + errors.length;
  if (count(stats.flaky) > 0) problems.push(`${stats.flaky} flaky`);
  const result = { label, passed, failed, skipped: count(stats.skipped), problems };
  if (passed + failed === 0) {
    result.failed = 1;
    problems.push("executed zero tests");
  }
  return withExit(result, exitCode);
}

/** The lines `npm test` prints at the end, and the process exit code they imply. */
export function formatSummary(results) {
  const lines = results.map((r) => {
    const skipped = r.skipped ? `, ${r.skipped} skipped` : "";
    const why = r.problems.length ? ` (${r.problems.join("; ")})` : "";
    return `${r.label}: ${r.passed} passed, ${r.failed} failed${skipped}${why}`;
  });
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const skipped = results.reduce((sum, r) => sum + r.skipped, 0);
  if (skipped) lines.push(`${skipped} skipped`);
  lines.push(`${passed} passed, ${failed} failed`);
  return { lines, exitCode: failed === 0 && results.length > 0 ? 0 : 1 };
}

/** A non-zero exit always counts, even when the report looks clean. */
function withExit(result, exitCode) {
  if (exitCode === 0) return result;
  result.problems.push(`exited with ${describeExit(exitCode)}`);
  if (result.failed === 0) result.failed = 1;
  return result;
}

function describeExit(exitCode) {
  return exitCode === null || exitCode === undefined ? "no exit code (killed by a signal)" : `code ${exitCode}`;
}

function count(value) {
  return Number.isInteger(value) && value > 0 ? value : 0;
}

function firstLine(message) {
  if (typeof message !== "string" || !message.trim()) return "";
  const line = message.trim().split("\n")[0].replace(/\u001b\[[0-9;]*m/g, "");
  return `: ${line.slice(0, 160)}`;
}
