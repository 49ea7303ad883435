import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { cookieClient, cookieHeader, signedInClient, type AppFetch } from "../support/auth-client";
import { makeImage, waitForTask } from "../support/fixtures";

/**
 * Two people on one studio over real HTTP: an invited member cannot see or touch the owner's work
 * (every resource kind answers 404, as if missing), and the per-user limits hold at the routes.
 */

let app: AppServer;
let owner: AppFetch;
let member: AppFetch;
const json = { "content-type": "application/json" };

async function uploadWith(client: AppFetch, image: Buffer, type = "image/jpeg"): Promise<Response> {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(image)], { type }), "frame.jpg");
  return client("/api/assets", { method: "POST", body: form });
}

async function inviteMember(app: AppServer, owner: AppFetch, email: string): Promise<AppFetch> {
  const invited = await owner("/api/invites", { method: "POST", headers: json, body: JSON.stringify({ role: "member", monthlyUnits: 5 }) });
  expect(invited.status).toBe(201);
  const { invite } = (await invited.json()) as { invite: { token: string } };
  const signUp = await fetch(`${app.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { ...json, origin: app.url },
    body: JSON.stringify({ name: "Mia", email, password: "member-test-password", inviteToken: invite.token }),
  });
  expect(signUp.status).toBe(200);
  return cookieClient(app, cookieHeader(signUp));
}

describe("two members", () => {
  let frame: string;
  let taskId: string;
  let slug: string;

  beforeAll(async () => {
    app = await startApp();
    owner = await signedInClient(app);
    member = await inviteMember(app, owner, "mia@example.com");
    frame = ((await (await uploadWith(owner, await makeImage(640, 360))).json()) as { asset: { id: string } }).asset.id;
    const created = await owner("/api/tasks", { method: "POST", headers: json, body: JSON.stringify({ version: 1, provider: "preview", startFrame: frame, prompt: "owner's secret" }) });
    expect(created.status).toBe(201);
    taskId = ((await created.json()) as { task: { id: string } }).task.id;
    await waitForTask(app.url, taskId);
    const shared = await owner(`/api/tasks/${taskId}/share`, { method: "POST", headers: json, body: "{}" });
    slug = ((await shared.json()) as { share: { slug: string } }).share.slug;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each([
    ["GET", "/api/assets/{frame}"],
    ["GET", "/api/tasks/{task}"],
    ["GET", "/api/tasks/{task}/video"],
    ["GET", "/api/tasks/{task}/poster"],
    ["POST", "/api/tasks/{task}/share"],
    ["PATCH", "/api/tasks/{task}"],
    ["DELETE", "/api/tasks/{task}"],
    ["DELETE", "/api/shares/{slug}"],
  ])("answers the member 404 for the owner's %s %s, exactly as for a missing one", async (method, template) => {
    const path = template.replace("{frame}", frame).replace("{task}", taskId).replace("{slug}", slug);
    const bodies: Record<string, string> = { POST: "{}", PATCH: JSON.stringify({ title: "renamed by someone else" }) };
    const init = method === "GET" ? {} : { method, headers: json, body: bodies[method] };
    const theirs = await member(path, init);
    const missing = await member(path.replace(frame, "a".repeat(32)).replace(taskId, "tsk_doesnotexist000").replace(slug, "no-such-slug"), init);
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(((await theirs.json()) as { error: { code: string } }).error.code).toBe(((await missing.json()) as { error: { code: string } }).error.code);
    // Nothing was changed by the attempt: the owner still has the task, its title and its link.
    const kept = await owner(`/api/tasks/${taskId}`);
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as { task: { title: string } }).task.title).toBe("owner's secret");
    expect((await fetch(`${app.url}/s/${slug}`)).status).toBe(200);
  });

  it("keeps the libraries apart and lets only the owner list everyone's", async () => {
    const mine = (await (await member("/api/tasks")).json()) as { tasks: unknown[] };
    expect(mine.tasks).toEqual([]);
    expect((await member("/api/tasks?scope=all")).status).toBe(403);
    expect(await (await member("/library")).text()).not.toContain("owner's secret");
    const all = (await (await owner("/api/tasks?scope=all")).json()) as { tasks: Array<{ id: string }> };
    expect(all.tasks.map((task) => task.id)).toContain(taskId);
  });

  it("refuses a recipe that names the owner's frame, as if it did not exist", async () => {
    const response = await member("/api/tasks", { method: "POST", headers: json, body: JSON.stringify({ version: 1, provider: "preview", startFrame: frame }) });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "asset-not-found", field: "startFrame" } });
  });

  it("gives the member the same image as their own when they upload the same bytes", async () => {
    const again = await uploadWith(member, await makeImage(640, 360));
    expect(again.status).toBe(201);
    expect(((await again.json()) as { asset: { id: string } }).asset.id).toBe(frame);
    expect((await member(`/api/assets/${frame}`)).status).toBe(200);
  });
});

describe("per-user limits at the routes", () => {
  let limited: AppServer;
  afterAll(async () => {
    await limited?.stop();
  });

  it("answers 429 with Retry-After past the create rate, and 413 naming the quota past the storage quota", async () => {
    limited = await startApp({ env: { RATE_PREVIEW_TASKS_PER_MINUTE: "2", STORAGE_QUOTA_MB: "1" } });
    const client = await signedInClient(limited);
    const frame = ((await (await uploadWith(client, await makeImage(640, 360))).json()) as { asset: { id: string } }).asset.id;
    const create = () => client("/api/tasks", { method: "POST", headers: json, body: JSON.stringify({ version: 1, provider: "preview", startFrame: frame }) });
    expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(201);
    const refused = await create();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate-limited");

    // Noise does not compress: about 1.5 MB of JPEG, more than the 1 MB quota.
    const noise = await sharp(Buffer.from(Array.from({ length: 1200 * 1200 * 3 }, (_, i) => (i * 2654435761) % 251)), { raw: { width: 1200, height: 1200, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const over = await uploadWith(client, noise);
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ error: { code: "storage-quota", message: expect.stringMatching(/storage quota of 1 MB/) } });
  });
});
