import { performance } from "node:perf_hooks";
import { startApp } from "../../tests/support/app-server";
import { makeImage, uploadAsset } from "../../tests/support/fixtures";
import { buildFuzzCases, runFuzz } from "../../tests/support/fuzz";
import { startRecordingKling } from "../../tests/support/recording-kling";
import { report } from "./stats";

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

/** The bad-input fuzz of tests/api/fuzz.test.ts with its figures: answers by kind and status, and any 5xx. */
export async function benchFuzz(): Promise<void> {
  const kling = await startRecordingKling();
  const app = await startApp({ env: { KLING_API_BASE_URL: `${kling.url}/kling`, KLING_API_KEY: "bench-key", ENGINE_STEP_MS: "600000", LOG_LEVEL: "fatal" } });
  try {
    const frame = await uploadAsset(app.url, await makeImage(480, 360));
    const cases = await buildFuzzCases({ seed: SEED, startFrame: frame.id });
    const started = performance.now();
    const result = await runFuzz(app.url, cases);
    const seconds = (performance.now() - started) / 1000;
    const rows: Array<[string, string]> = Object.entries(result.byKind).map(([kind, { cases: count, statuses }]) => [
      `${kind} (${count} cases)`,
      Object.entries(statuses)
        .map(([status, n]) => `${status}×${n}`)
        .join(" "),
    ]);
    rows.push(["5xx answers or stored truncated images", String(result.failures.length)]);
    rows.push(["time", `${seconds.toFixed(1)} s (${(result.total / seconds).toFixed(0)} cases/s)`]);
    report(`Fuzz: ${result.total} bad uploads, recipes and paths (seed ${SEED})`, rows);
    for (const failure of result.failures.slice(0, 20)) console.log(`  ✗ ${failure.kind} ${failure.name}: ${failure.status} ${failure.body}`);
  } finally {
    await app.stop();
    await kling.close();
  }
}
