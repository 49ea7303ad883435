import { afterEach, describe, expect, it, vi } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { apiKeyClient, type AppFetch } from "../support/auth-client";
import { makeImage } from "../support/fixtures";
import { startRecordingKling, type RecordingKling, type RecordingKlingOptions } from "../support/recording-kling";

/**
 * Spend control over real HTTP against a local Kling-compatible upstream: a paid create reserves its
 * estimated units before anything is sent, and a budget is never passed, even by parallel creates.
 * kling-v1 std 5 s is estimated at 1 unit (lib/spend/unit-table.ts).
 */

const running: Array<{ stop: () => Promise<void> } | { close: () => Promise<void> }> = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await ("stop" in item ? item.stop() : item.close());
});

async function setUp(kling: RecordingKlingOptions, env: Record<string, string>): Promise<{ kling: RecordingKling; app: AppServer; client: AppFetch; frame: string }> {
  const upstream = await startRecordingKling(kling);
  running.push(upstream);
  const app = await startApp({ env: { KLING_API_BASE_URL: `${upstream.url}/kling`, KLING_API_KEY: "sk-spend-test-5b1c", RATE_TASKS_PER_MINUTE: "1000", ...env } });
  running.push(app);
  const client = await apiKeyClient(app);
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(await makeImage(640, 360))], { type: "image/jpeg" }), "frame.jpg");
  const uploaded = await client("/api/assets", { method: "POST", body: form });
  expect(uploaded.status).toBe(201);
  return { kling: upstream, app, client, frame: ((await uploaded.json()) as { asset: { id: string } }).asset.id };
}

const paid = (frame: string, provider = "kling") => ({ version: 1, provider, model: "kling-v1", mode: "std", duration: "5", startFrame: frame, prompt: "a kite" });
const post = (client: AppFetch, body: unknown) => client("/api/tasks", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
type Budget = { monthlyUnits: number | null; usedUnits: number; reservedUnits: number };
const budgetOf = async (client: AppFetch) => ((await (await client("/api/account")).json()) as { budget: Budget }).budget;

describe("spend control", () => {
  it("sends exactly 3 of 20 parallel paid creates against a workspace cap of 3 units, refusing the rest with 402", async () => {
    const { kling, client, frame } = await setUp({}, { SPEND_CAP_UNITS_MONTHLY: "3" });
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(client, paid(frame))));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 402)).toHaveLength(17);
    const refused = (await responses.find((response) => response.status === 402)!.json()) as { error: { code: string; message: string } };
    expect(refused.error.code).toBe("budget-exceeded");
    expect(refused.error.message).toMatch(/needs about 1 of the workspace's units; it has 0 of its 3 monthly units left/);
    // A create that finds older queued tasks leaves its send to the job queue: wait for the three.
    await vi.waitFor(() => expect(kling.creates()).toHaveLength(3), { timeout: 20_000, interval: 200 });
    expect((await budgetOf(client)).reservedUnits).toBe(3);
  });

  it("settles a succeeded run to what Kling charged and frees a failed run's reservation", async () => {
    const charged = await setUp({ queriesUntilDone: 1, unitsCharged: "0.5" }, {});
    const task = ((await (await post(charged.client, paid(charged.frame))).json()) as { task: { id: string } }).task;
    await expect.poll(async () => (await budgetOf(charged.client)).usedUnits, { timeout: 30_000 }).toBe(0.5);
    expect((await budgetOf(charged.client)).reservedUnits).toBe(0);
    expect(task.id).toMatch(/^tsk_/);

    const failing = await setUp({ queriesUntilDone: 1, failWith: () => "content refused" }, {});
    expect((await post(failing.client, paid(failing.frame))).status).toBe(201);
    await expect.poll(async () => (await budgetOf(failing.client)).reservedUnits, { timeout: 30_000 }).toBe(0);
    expect((await budgetOf(failing.client)).usedUnits).toBe(0);
  });

  it("does not count preview runs against the budget, and sends nothing upstream when over it", async () => {
    const { kling, client, frame } = await setUp({}, { SPEND_CAP_UNITS_MONTHLY: "0.5" });
    expect((await post(client, paid(frame))).status).toBe(402);
    expect(kling.creates()).toHaveLength(0);
    expect((await post(client, paid(frame, "preview"))).status).toBe(201);
    expect(await budgetOf(client)).toMatchObject({ usedUnits: 0, reservedUnits: 0 });
  });
});
