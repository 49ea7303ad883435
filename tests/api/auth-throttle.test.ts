import { afterAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { TEST_OWNER } from "../support/test-owner";

const json = { "content-type": "application/json" };
const LIMITS = { SIGN_IN_MAX_FAILURES_PER_ACCOUNT: "3", SIGN_IN_MAX_FAILURES_PER_ADDRESS: "8", SIGN_IN_LOCKOUT_S: "600" };

let app: AppServer | undefined;
afterAll(async () => {
  await app?.stop();
});

function signIn(server: AppServer, email: string, password: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/sign-in/email`, { method: "POST", headers: { ...json, origin: server.url }, body: JSON.stringify({ email, password }) });
}

async function expectLocked(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(600);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("too-many-attempts");
}

describe("sign-in throttling", () => {
  it("locks an account after N failures, even for the right password, and the lock survives a restart", async () => {
    app = await startApp({ env: LIMITS });
    for (let i = 0; i < 3; i++) expect((await signIn(app, TEST_OWNER.email, `wrong-${i}`)).status).toBe(401);
    await expectLocked(await signIn(app, TEST_OWNER.email, TEST_OWNER.password));

    // The count lives in the database: a new process on the same data sees it.
    const dataDir = app.dataDir;
    await app.stop();
    app = await startApp({ env: LIMITS, dataDir });
    await expectLocked(await signIn(app, TEST_OWNER.email, TEST_OWNER.password));
  });

  it("locks a client address after too many failures across accounts", async () => {
    app ??= await startApp({ env: LIMITS });
    // 3 were counted above against this address; 5 more different accounts reach the limit of 8.
    for (let i = 0; i < 5; i++) expect((await signIn(app, `stranger${i}@example.com`, "wrong-password")).status).toBe(401);
    await expectLocked(await signIn(app, "someone-else@example.com", "any-password"));
  });
});
