import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { TEST_OWNER } from "../support/test-owner";
import { bearerClient, signIn, type AppFetch } from "../support/auth-client";

type ErrorBody = { error: { code: string } };
type Key = { id: string; name: string; token: string; createdAt: string };

const json = { "content-type": "application/json" };

let app: AppServer;
let cookie: string;

/** A cookie request with exactly the headers given (no Origin added), as a browser or a forger would send. */
function withCookie(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(`${app.url}${path}`, { ...init, headers: { cookie, ...init.headers } });
}

async function createKey(name: string): Promise<Key> {
  const response = await withCookie("/api/account/keys", { method: "POST", headers: { ...json, origin: app.url }, body: JSON.stringify({ name }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { key: Key }).key;
}

async function code(response: Response): Promise<string> {
  return ((await response.json()) as ErrorBody).error.code;
}

beforeAll(async () => {
  app = await startApp();
  cookie = await signIn(app);
});
afterAll(async () => {
  await app?.stop();
});

describe("API keys", () => {
  let key: Key;
  let script: AppFetch;

  it("creates a key whose token is shown once", async () => {
    key = await createKey("render farm");
    expect(key).toMatchObject({ id: expect.any(String), name: "render farm", createdAt: expect.any(String) });
    expect(key.token).toMatch(/^ms_[A-Za-z0-9_-]{20,}$/);
    const list = (await (await withCookie("/api/account/keys")).json()) as { keys: Record<string, unknown>[] };
    expect(list.keys.map((k) => k.id)).toContain(key.id);
    expect(JSON.stringify(list)).not.toContain(key.token);
  });

  it("authenticates a script with Authorization: Bearer", async () => {
    script = bearerClient(app, key.token);
    const response = await script("/api/account");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { email: string } }).user.email).toBe(TEST_OWNER.email);
    // A Bearer request needs no Origin: it cannot be forged by another site.
    expect((await script("/api/account/keys", { method: "POST", headers: { ...json, origin: "https://evil.example" }, body: JSON.stringify({ name: "from a script" }) })).status).toBe(201);
  });

  it("refuses an unknown token with 401", async () => {
    const response = await bearerClient(app, "ms_not-a-real-key")("/api/account");
    expect(response.status).toBe(401);
    expect(await code(response)).toBe("unauthenticated");
  });

  it("revokes a key (204), after which it no longer works", async () => {
    expect((await withCookie(`/api/account/keys/${key.id}`, { method: "DELETE", headers: { origin: app.url } })).status).toBe(204);
    expect((await script("/api/account")).status).toBe(401);
    expect((await withCookie(`/api/account/keys/${key.id}`, { method: "DELETE", headers: { origin: app.url } })).status).toBe(404);
  });

  it("validates the name", async () => {
    const response = await withCookie("/api/account/keys", { method: "POST", headers: { ...json, origin: app.url }, body: JSON.stringify({ name: "" }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field?: string } }).error.field).toBe("name");
  });
});

describe("cross-site request forgery", () => {
  const body = JSON.stringify({ name: "forged" });

  it.each([
    ["a foreign Origin", { ...json, origin: "https://evil.example" }],
    ["a cross-site Sec-Fetch-Site and no Origin", { ...json, "sec-fetch-site": "cross-site" }],
    ["neither Origin nor Sec-Fetch-Site", json],
    ["a form content type", { "content-type": "application/x-www-form-urlencoded", origin: "ORIGIN" }],
    ["text/plain", { "content-type": "text/plain", origin: "ORIGIN" }],
  ])("refuses a cookie POST with %s (403 bad-origin)", async (_label, headers: Record<string, string>) => {
    const resolved = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value === "ORIGIN" ? app.url : value]));
    const response = await withCookie("/api/account/keys", { method: "POST", headers: resolved, body });
    expect(response.status).toBe(403);
    expect(await code(response)).toBe("bad-origin");
  });

  it("accepts Sec-Fetch-Site: same-origin when Origin is missing", async () => {
    expect((await withCookie("/api/account/keys", { method: "POST", headers: { ...json, "sec-fetch-site": "same-origin" }, body })).status).toBe(201);
  });

  it("refuses a foreign-origin cookie DELETE, and lets reads through", async () => {
    const key = await createKey("victim");
    const response = await withCookie(`/api/account/keys/${key.id}`, { method: "DELETE", headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect((await withCookie("/api/account", { headers: { origin: "https://evil.example" } })).status).toBe(200);
  });
});
