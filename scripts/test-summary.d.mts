// Types of test-summary.mjs, which stays plain JavaScript so `npm test` runs it without a build step.
export type RunnerResult = { label: string; passed: number; failed: number; skipped: number; problems: string[] };
export function summariseExit(label: string, exitCode: number | null): RunnerResult;
export function notRun(label: string, reason: string): RunnerResult;
export function summariseVitest(label: string, exitCode: number | null, report: unknown): RunnerResult;
export function summarisePlaywright(label: string, exitCode: number | null, report: unknown): RunnerResult;
export function formatSummary(results: RunnerResult[]): { lines: string[]; exitCode: number };
