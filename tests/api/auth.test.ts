import { connectDatabase } from "@/lib/server/storage/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { testDatabaseUrl } from "../support/test-database-url";
import { cookieClient, cookieHeader, type AppFetch } from "../support/auth-client";

type ErrorBody = { error: { code: string; message: string; field?: string } };
type Account = { user: { id: string; email: string; name: string; role: string }; budget: { monthlyUnits: number | null; usedUnits: number; reservedUnits: number; periodStart: string } };

const json = { "content-type": "application/json" };
const OWNER = { name: "Olive Owner", email: "olive@example.com", password: "olive-password-1" };

let app: AppServer;

function signUp(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${app.url}/api/auth/sign-up/email`, { method: "POST", headers: { ...json, origin: app.url }, body: JSON.stringify(body) });
}

function signInRaw(email: string, password: string): Promise<Response> {
  return fetch(`${app.url}/api/auth/sign-in/email`, { method: "POST", headers: { ...json, origin: app.url }, body: JSON.stringify({ email, password }) });
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
}

async function invite(owner: AppFetch, monthlyUnits: number | null): Promise<{ token: string; url: string; expiresAt: string }> {
  const response = await owner("/api/invites", { method: "POST", headers: json, body: JSON.stringify({ role: "member", monthlyUnits }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { invite: { token: string; url: string; expiresAt: string } }).invite;
}

async function account(client: AppFetch): Promise<Account> {
  const response = await client("/api/account");
  expect(response.status).toBe(200);
  return (await response.json()) as Account;
}

beforeAll(async () => {
  // A fresh install: no headless owner.
  app = await startApp({ env: { OWNER_EMAIL: "", OWNER_PASSWORD: "" } });
});
afterAll(async () => {
  await app?.stop();
});

describe("sign-up", () => {
  let owner: AppFetch;

  it("refuses anonymous API calls with 401 unauthenticated", async () => {
    await expectError(await fetch(`${app.url}/api/account`), 401, "unauthenticated");
    await expectError(await fetch(`${app.url}/api/account/keys`), 401, "unauthenticated");
  });

  it("makes the first user the owner, signed in by an httpOnly SameSite=Lax cookie", async () => {
    const response = await signUp(OWNER);
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie().join("\n");
    expect(cookies).toMatch(/session_token=[^;]+;.*HttpOnly/i);
    expect(cookies).toMatch(/SameSite=Lax/i);
    owner = cookieClient(app, cookieHeader(response));
    const me = await account(owner);
    expect(me.user).toMatchObject({ email: OWNER.email, name: OWNER.name, role: "owner" });
    expect(me.budget).toMatchObject({ monthlyUnits: null, usedUnits: 0, reservedUnits: 0 });
    expect(new Date(me.budget.periodStart).getUTCDate()).toBe(1);
  });

  it("then closes sign-up without an invite (403 signup-closed), even when the body claims a role", async () => {
    await expectError(await signUp({ name: "Eve", email: "eve@example.com", password: "eve-password-1" }), 403, "signup-closed");
    await expectError(await signUp({ name: "Eve", email: "eve@example.com", password: "eve-password-1", role: "owner" }), 403, "signup-closed");
    await expectError(await signUp({ name: "Eve", email: "eve@example.com", password: "eve-password-1", inviteToken: "not-a-real-invite" }), 403, "signup-closed");
  });

  it("lets an invite sign up once, with the invite's role and budget", async () => {
    const link = await invite(owner, 500);
    expect(link.url).toBe(`/sign-up?invite=${link.token}`);
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    const response = await signUp({ name: "Mia Member", email: "mia@example.com", password: "mia-password-1", inviteToken: link.token });
    expect(response.status).toBe(200);
    const member = cookieClient(app, cookieHeader(response));
    expect((await account(member)).user.role).toBe("member");
    expect((await account(member)).budget.monthlyUnits).toBe(500);

    await expectError(await signUp({ name: "Max", email: "max@example.com", password: "max-password-1", inviteToken: link.token }), 403, "signup-closed");
  });

  it("refuses an expired invite", async () => {
    const link = await invite(owner, null);
    // The app's own database, SQLite or (in the Postgres project) its Postgres database.
    const db = connectDatabase(app.dataDir, await testDatabaseUrl(app.dataDir));
    await db.updateTable("invites").set({ expires_at: "2000-01-01T00:00:00.000Z" }).where("used_at", "is", null).execute();
    await db.destroy();
    await expectError(await signUp({ name: "Late", email: "late@example.com", password: "late-password-1", inviteToken: link.token }), 403, "signup-closed");
  });

  it("keeps invites and the member list to the owner", async () => {
    const member = cookieClient(app, cookieHeader(await signInRaw("mia@example.com", "mia-password-1")));
    await expectError(await member("/api/invites", { method: "POST", headers: json, body: JSON.stringify({ role: "member", monthlyUnits: null }) }), 403, "forbidden");
    await expectError(await member("/api/members"), 403, "forbidden");
    await expectError(await owner("/api/invites", { method: "POST", headers: json, body: JSON.stringify({ role: "owner", monthlyUnits: null }) }), 400, "invalid-request");
  });
});

describe("sign-in", () => {
  it("answers 200 with a session cookie, and 401 in our error shape for a wrong password", async () => {
    const ok = await signInRaw(OWNER.email, OWNER.password);
    expect(ok.status).toBe(200);
    expect(cookieHeader(ok)).toMatch(/session_token=/);
    await expectError(await signInRaw(OWNER.email, "wrong-password"), 401, "invalid-email-or-password");
    await expectError(await signInRaw("nobody@example.com", "wrong-password"), 401, "invalid-email-or-password");
  });

  it("disabling a member ends their sessions and refuses their sign-in", async () => {
    const owner = cookieClient(app, cookieHeader(await signInRaw(OWNER.email, OWNER.password)));
    const member = cookieClient(app, cookieHeader(await signInRaw("mia@example.com", "mia-password-1")));
    const id = (await account(member)).user.id;
    expect((await owner(`/api/members/${id}`, { method: "PATCH", headers: json, body: JSON.stringify({ disabled: true }) })).status).toBe(204);
    await expectError(await member("/api/account"), 401, "unauthenticated");
    await expectError(await signInRaw("mia@example.com", "mia-password-1"), 403, "account-disabled");
    expect((await owner(`/api/members/${id}`, { method: "PATCH", headers: json, body: JSON.stringify({ disabled: false, monthlyUnits: 50 }) })).status).toBe(204);
    const again = cookieClient(app, cookieHeader(await signInRaw("mia@example.com", "mia-password-1")));
    expect((await account(again)).budget.monthlyUnits).toBe(50);
    expect((await owner(`/api/members/${id}/sessions`, { method: "DELETE" })).status).toBe(204);
    await expectError(await again("/api/account"), 401, "unauthenticated");
  });
});

describe("Better Auth's own errors", () => {
  it("come in our error shape, bad input as 400 invalid-request", async () => {
    await expectError(await signUp({ name: "No Mail", email: "not-an-email", password: "some-password-1" }), 400, "invalid-request");
    await expectError(await fetch(`${app.url}/api/auth/no-such-endpoint`), 404, "not-found");
  });
});
