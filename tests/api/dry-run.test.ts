import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { cookieClient, cookieHeader, signedInClient, type AppFetch } from "../support/auth-client";
import { makeImage } from "../support/fixtures";
import { startRecordingKling, type RecordingKling } from "../support/recording-kling";

/**
 * `POST /api/tasks/dry-run` over real HTTP, with Kling configured as a local recording upstream: the
 * body `POST /api/tasks` would send (same validation, masks rasterised to real PNGs at the frame's
 * size), while nothing is sent, stored, reserved or revealed.
 */

const KEY = "sk-dry-run-test-4f2a9c";
const RATE = 8;
const json = { "content-type": "application/json" };
let kling: RecordingKling;
let app: AppServer;
let owner: AppFetch;
let member: AppFetch;
let frame: string;

type DryRunBody = {
  request: {
    provider: string;
    method: string;
    path: string;
    body: { model_name: string; image: string; static_mask?: string; dynamic_masks?: Array<{ mask: string; trajectories: Array<{ x: number; y: number }> }>; [key: string]: unknown };
  };
};
type ErrorBody = { error: { code: string; message: string; field?: string } };

async function uploadWith(client: AppFetch, image: Buffer): Promise<string> {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(image)], { type: "image/jpeg" }), "frame.jpg");
  const response = await client("/api/assets", { method: "POST", body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { asset: { id: string } }).asset.id;
}

async function inviteMember(): Promise<AppFetch> {
  const invited = await owner("/api/invites", { method: "POST", headers: json, body: JSON.stringify({ role: "member", monthlyUnits: 5 }) });
  const { invite } = (await invited.json()) as { invite: { token: string } };
  const signUp = await fetch(`${app.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { ...json, origin: app.url },
    body: JSON.stringify({ name: "Mia", email: "mia@example.com", password: "member-test-password", inviteToken: invite.token }),
  });
  expect(signUp.status).toBe(200);
  return cookieClient(app, cookieHeader(signUp));
}

const dryRun = (client: AppFetch, recipe: unknown) => client("/api/tasks/dry-run", { method: "POST", headers: json, body: JSON.stringify(recipe) });

/** A static band along the top and one region painted on the left, moving right and down (top-left origin). */
const recipe = (startFrame: string, provider = "kling") => ({
  version: 1,
  provider,
  model: "kling-v1",
  mode: "std",
  duration: "5",
  prompt: "a ball rolls",
  startFrame,
  staticMask: { strokes: [{ op: "paint", size: 40, points: [{ x: 0, y: 20 }, { x: 640, y: 20 }] }] },
  regions: [{ mask: { strokes: [{ op: "paint", size: 60, points: [{ x: 100, y: 200 }, { x: 101, y: 200 }] }] }, trajectory: [{ x: 100, y: 200 }, { x: 400, y: 300 }] }],
});

/** Grey value (0–255) of a decoded grayscale mask PNG at a pixel. */
async function maskAt(base64: string, x: number, y: number): Promise<{ width: number; height: number; value: number }> {
  const { data, info } = await sharp(Buffer.from(base64, "base64")).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, value: data[(y * info.width + x) * info.channels]! };
}

beforeAll(async () => {
  kling = await startRecordingKling();
  app = await startApp({ env: { KLING_API_BASE_URL: `${kling.url}/kling`, KLING_API_KEY: KEY, RATE_DRY_RUNS_PER_MINUTE: String(RATE) } });
  owner = await signedInClient(app);
  member = await inviteMember();
  frame = await uploadWith(owner, await makeImage(640, 360));
});
afterAll(async () => {
  await app?.stop();
  await kling?.close();
});

describe("POST /api/tasks/dry-run", () => {
  it("answers the Kling body with the real mask PNGs, sending, storing and reserving nothing", async () => {
    const response = await dryRun(owner, recipe(frame));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(KEY);
    const { request } = JSON.parse(text) as DryRunBody;
    expect(request).toMatchObject({ provider: "kling", method: "POST", path: "/v1/videos/image2video" });
    expect(request.body).toMatchObject({ model_name: "kling-v1", mode: "std", duration: "5", prompt: "a ball rolls" });
    // No task yet, so no task id or callback: a script may post the body as it is.
    expect(request.body).not.toHaveProperty("external_task_id");
    expect(request.body).not.toHaveProperty("callback_url");
    expect((await sharp(Buffer.from(request.body.image, "base64")).metadata()).width).toBe(640);

    const still = await maskAt(request.body.static_mask!, 320, 20);
    expect(still).toEqual({ width: 640, height: 360, value: 255 });
    expect((await maskAt(request.body.static_mask!, 320, 300)).value).toBe(0);
    const region = request.body.dynamic_masks![0]!;
    expect((await maskAt(region.mask, 100, 200)).value).toBe(255);
    expect((await maskAt(region.mask, 500, 100)).value).toBe(0);
    // Kling's origin is bottom-left: y' = 360 − y.
    expect(region.trajectories[0]).toEqual({ x: 100, y: 160 });
    expect(region.trajectories.at(-1)).toEqual({ x: 400, y: 60 });

    expect(kling.requests).toEqual([]);
    expect(((await (await owner("/api/tasks")).json()) as { tasks: unknown[] }).tasks).toEqual([]);
    const { budget } = (await (await owner("/api/account")).json()) as { budget: { usedUnits: number; reservedUnits: number } };
    expect(budget).toMatchObject({ usedUnits: 0, reservedUnits: 0 });
  });

  it("refuses what POST /api/tasks refuses, with the same error", async () => {
    const bad = { ...recipe(frame), model: "kling-v2-1", mode: "pro" };
    const [dry, real] = await Promise.all([dryRun(owner, bad), owner("/api/tasks", { method: "POST", headers: json, body: JSON.stringify(bad) })]);
    expect(dry.status).toBe(422);
    expect(real.status).toBe(422);
    expect(await dry.json()).toEqual(await real.json());
    expect((await owner("/api/tasks/dry-run", { method: "POST", headers: json, body: "{nope" })).status).toBe(400);
    expect(kling.requests).toEqual([]);
  });

  it("answers 401 signed out", async () => {
    const response = await fetch(`${app.url}/api/tasks/dry-run`, { method: "POST", headers: { ...json, origin: app.url }, body: JSON.stringify(recipe(frame)) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorBody).error.code).toBe("unauthenticated");
  });

  it("treats another user's frame as missing, exactly like a create does", async () => {
    const theirs = await dryRun(member, recipe(frame, "preview"));
    const missing = await dryRun(member, recipe("a".repeat(32), "preview"));
    expect(theirs.status).toBe(422);
    const error = ((await theirs.json()) as ErrorBody).error;
    expect(error).toMatchObject({ code: "asset-not-found", field: "startFrame" });
    const missingError = ((await missing.json()) as ErrorBody).error;
    expect({ ...error, message: error.message.replace(frame, "<id>") }).toEqual({ ...missingError, message: missingError.message.replace("a".repeat(32), "<id>") });
    // The member's own upload of the same bytes is theirs to use.
    expect((await dryRun(member, recipe(await uploadWith(member, await makeImage(640, 360)), "preview"))).status).toBe(200);
  });

  it("answers 429 with Retry-After past its rate", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RATE; i++) statuses.push((await dryRun(owner, recipe(frame))).status);
    expect(statuses).toContain(429);
    const refused = await dryRun(owner, recipe(frame));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as ErrorBody).error.code).toBe("rate-limited");
  });
});
