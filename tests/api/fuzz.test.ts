import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { makeImage, uploadAsset } from "../support/fixtures";
import { buildFuzzCases, runFuzz } from "../support/fuzz";
import { startRecordingKling } from "../support/recording-kling";

let app: AppServer;
let kling: Awaited<ReturnType<typeof startRecordingKling>>;
beforeAll(async () => {
  // Recipes that survive mutation go to a local Kling stand-in; preview tasks never start rendering.
  kling = await startRecordingKling();
  app = await startApp({ env: { KLING_API_BASE_URL: `${kling.url}/kling`, KLING_API_KEY: "fuzz-key", ENGINE_STEP_MS: "600000", LOG_LEVEL: "fatal" } });
});
afterAll(async () => {
  await app?.stop();
  await kling?.close();
});

describe("fuzz: bad uploads, recipes and paths", () => {
  it("answers at least 2000 bad requests without a single 5xx, and stores no truncated image", { timeout: 120_000 }, async () => {
    const frame = await uploadAsset(app.url, await makeImage(480, 360));
    const cases = await buildFuzzCases({ seed: 20261201, startFrame: frame.id });
    expect(cases.length).toBeGreaterThanOrEqual(2000);
    const report = await runFuzz(app.url, cases);
    console.log(`fuzz: ${report.total} cases`, JSON.stringify(report.byKind));
    expect(report.failures).toEqual([]);
  });
});
