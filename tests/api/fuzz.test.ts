import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { makeImage, uploadAsset } from "../support/fixtures";
import { ownerAuthorization } from "../support/owner-fetch";
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

/** node:http sends the path as written; fetch would re-encode it. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(app.url);
    http
      .get({ host: url.hostname, port: url.port, path, headers }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"] ?? "", body }));
      })
      .on("error", reject);
  });
}

describe("malformed percent-escapes", () => {
  it.each(["/api/tasks/%ff", "/api/assets/%E0%A4%A", "/s/%ff", "/engine/kling/v1/videos/image2video/%ff", "/api/tasks/%ff/video", "/%c0%af"])(
    "%s answers 400 with the JSON error body",
    async (path) => {
      const response = await rawGet(path);
      expect(response.status).toBe(400);
      expect(response.type).toContain("application/json");
      const body = JSON.parse(response.body) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("invalid-path");
      expect(body.error.message).toMatch(/not valid percent-encoded UTF-8/);
    },
  );

  it("still decodes valid escapes", async () => {
    const response = await rawGet("/api/tasks/tsk_%E5%90%8D", { authorization: await ownerAuthorization(app.url) });
    expect(response.status).toBe(404);
  });
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
