import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { TEST_OWNER } from "../support/test-owner";
import { apiKeyClient, signedInClient, type AppFetch } from "../support/auth-client";
import { pageInventory, routeInventory, sampleUrl, type RouteMethod } from "../support/route-inventory";

/**
 * The access contract (design §2a) over every route and page the app has: "on a fresh data directory,
 * nothing but the setup page, sign-in, share pages, their media, callbacks and a health check answers
 * without a session or key". Routes are read from app/, so a new one is covered without editing this.
 */

/** The only routes that may answer without a session or key: design §2a's public list. */
const PUBLIC_ROUTES = new Set([
  "POST /api/callbacks/kling/[token]",
  "GET /api/health",
  "GET /api/auth/[...all]",
  "POST /api/auth/[...all]",
  "GET /api/shares/[slug]",
  "GET /api/shares/[slug]/poster",
  "GET /api/shares/[slug]/video",
  "GET /api/shares/[slug]/frame",
  "GET /api/shares/[slug]/tail",
  "GET /api/shares/[slug]/masks/[key]",
]);
/** Pages anyone may open; every other page sends an anonymous visitor to sign in. */
const PUBLIC_PAGES = new Set(["/setup", "/sign-in", "/sign-up", "/s/[slug]", "/s/[slug]/embed"]);
/** The preview engine's Kling API, behind its own Bearer key (its rendered files are capability URLs). */
const ENGINE_KEY_API = ["/engine/kling/v1/videos/image2video", "/engine/kling/v1/videos/image2video/[id]"];

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const FOREIGN_ORIGIN = "https://evil.example";
const routes = routeInventory();
const guarded = routes.filter((route) => route.access === "user" || route.access === "owner");
const guardedWrites = guarded.filter((route) => STATE_CHANGING.has(route.method));
const label = (route: RouteMethod) => `${route.method} ${route.pattern}`;

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code;
}

/** A body the route would accept the type of, so only the CSRF rule can refuse it. */
function jsonInit(method: string, headers: Record<string, string> = {}): RequestInit {
  if (!STATE_CHANGING.has(method) || method === "DELETE") return { method, headers };
  return { method, headers: { "content-type": "application/json", ...headers }, body: "{}" };
}

describe("route inventory", () => {
  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map(label)).toContain("POST /api/tasks");
  });

  it("has an access level declared on every exported method", () => {
    expect(routes.filter((route) => route.access === "undeclared").map((route) => `${label(route)} (${route.file})`)).toEqual([]);
  });

  it("declares public exactly the routes design §2a lists", () => {
    expect(routes.filter((route) => route.access === "public").map(label).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it("uses the engine key only for the preview engine, under /engine/kling", () => {
    const engine = routes.filter((route) => route.access === "engine-key");
    expect(engine.length).toBeGreaterThan(0);
    expect(engine.filter((route) => !route.pattern.startsWith("/engine/kling/")).map(label)).toEqual([]);
    expect(routes.filter((route) => route.pattern.startsWith("/engine/") && route.access !== "engine-key").map(label)).toEqual([]);
  });
});

describe("on a fresh install (no user yet)", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp({ env: { OWNER_EMAIL: "", OWNER_PASSWORD: "" } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each(guarded.map((route) => [label(route), route] as const))("%s answers 401 unauthenticated anonymously", async (_name, route) => {
    const response = await fetch(`${app.url}${sampleUrl(route.pattern)}`, jsonInit(route.method, { origin: app.url }));
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("unauthenticated");
  });

  it.each(ENGINE_KEY_API)("%s wants the engine key", async (pattern) => {
    const response = await fetch(`${app.url}${sampleUrl(pattern)}`);
    expect(response.status).toBe(401);
  });

  it("answers the health check", async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("serves the set-up page, and sends every other private page there", async () => {
    expect((await fetch(`${app.url}/setup`, { redirect: "manual" })).status).toBe(200);
    for (const pattern of pageInventory().filter((page) => !PUBLIC_PAGES.has(page))) {
      const response = await fetch(`${app.url}${sampleUrl(pattern)}`, { redirect: "manual" });
      expect([pattern, response.status]).toEqual([pattern, 307]);
      expect(new URL(response.headers.get("location") ?? "", app.url).pathname).toBe("/setup");
    }
  });
});

describe("with an owner", () => {
  let app: AppServer;
  let cookie: AppFetch;
  let bearer: AppFetch;
  beforeAll(async () => {
    app = await startApp();
    [cookie, bearer] = await Promise.all([signedInClient(app), apiKeyClient(app)]);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("sends an anonymous visitor of every private page to sign in, coming back afterwards", async () => {
    const pages = pageInventory().filter((page) => !PUBLIC_PAGES.has(page));
    expect(pages).toEqual(expect.arrayContaining(["/", "/library", "/account", "/members"]));
    for (const pattern of pages) {
      const path = sampleUrl(pattern);
      const response = await fetch(`${app.url}${path}`, { redirect: "manual" });
      expect([pattern, response.status]).toEqual([pattern, 307]);
      const location = new URL(response.headers.get("location") ?? "", app.url);
      expect([pattern, location.pathname, location.searchParams.get("next")]).toEqual([pattern, "/sign-in", path]);
    }
  });

  it("closes the set-up page once a user exists, and keeps the public pages open", async () => {
    const setup = await fetch(`${app.url}/setup`, { redirect: "manual" });
    expect(setup.status).toBe(307);
    expect(new URL(setup.headers.get("location") ?? "", app.url).pathname).toBe("/sign-in");
    for (const pattern of ["/sign-in", "/sign-up"]) expect([pattern, (await fetch(`${app.url}${pattern}`, { redirect: "manual" })).status]).toEqual([pattern, 200]);
    // An unknown share is a 404 page, not a sign-in redirect.
    for (const pattern of ["/s/[slug]", "/s/[slug]/embed"]) expect([pattern, (await fetch(`${app.url}${sampleUrl(pattern)}`, { redirect: "manual" })).status]).toEqual([pattern, 404]);
  });

  it("lets the signed-in owner open the private pages", async () => {
    for (const pattern of ["/", "/library", "/account", "/members"]) expect([pattern, (await cookie(pattern, { redirect: "manual" })).status]).toEqual([pattern, 200]);
  });

  it.each(guardedWrites.map((route) => [label(route), route] as const))("%s refuses a session cookie from a foreign origin, or as text/plain", async (_name, route) => {
    const url = sampleUrl(route.pattern);
    const foreign = await cookie(url, jsonInit(route.method, { origin: FOREIGN_ORIGIN }));
    expect(foreign.status).toBe(403);
    expect(await errorCode(foreign)).toBe("bad-origin");
    const plain = await cookie(url, { method: route.method, headers: { "content-type": "text/plain" }, body: "{}" });
    expect(plain.status).toBe(403);
    expect(await errorCode(plain)).toBe("bad-origin");
  });

  it.each(guardedWrites.map((route) => [label(route), route] as const))("%s does not apply the origin rule to an API key", async (_name, route) => {
    const response = await bearer(sampleUrl(route.pattern), jsonInit(route.method, { origin: FOREIGN_ORIGIN }));
    expect(response.status).toBeLessThan(500);
    expect(response.status).not.toBe(401);
    expect(await errorCode(response)).not.toBe("bad-origin");
  });

  it("lets a browser on our own origin sign in without PUBLIC_BASE_URL, and refuses another site's", async () => {
    const signIn = (origin: string) =>
      fetch(`${app.url}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify(TEST_OWNER) });
    expect((await signIn(app.url)).status).toBe(200);
    expect((await signIn(FOREIGN_ORIGIN)).status).toBe(403);
  });

  it("refuses a plain HTML form posting a task from another site", async () => {
    const response = await cookie("/api/tasks", {
      method: "POST",
      headers: { origin: FOREIGN_ORIGIN, "content-type": "text/plain" },
      body: JSON.stringify({ provider: "preview" }),
    });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("bad-origin");
    // The same request through a signed-in page of our own gets past the guard (to validation).
    const own = await cookie("/api/tasks", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ provider: "preview" }) });
    expect(own.status).toBe(400);
  });
});
