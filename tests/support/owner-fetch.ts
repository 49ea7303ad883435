import { TEST_OWNER } from "./test-owner";

/**
 * `fetch` as the test apps' default owner, with an API key: a drop-in for the route tests' plain
 * `fetch(`${app.url}/api/…`)` now that everything but the public routes needs a caller. A Bearer key
 * (not a cookie) leaves each test's requests as they were: no Origin or content-type rule applies.
 * The key is made on first use per app, so tests that count keys or sessions see none they did not make.
 */
const tokens = new Map<string, Promise<string>>();
/** Origins whose requests go with the owner's session cookie instead (see `useOwnerSession`). */
const sessions = new Map<string, Promise<string>>();

async function signInCookie(origin: string): Promise<string> {
  const signIn = await fetch(`${origin}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify(TEST_OWNER) });
  if (signIn.status !== 200) throw new Error(`owner sign-in failed: ${signIn.status} ${await signIn.text()}`);
  return signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

async function createToken(origin: string): Promise<string> {
  const json = { "content-type": "application/json", origin };
  const cookie = await signInCookie(origin);
  const created = await fetch(`${origin}/api/account/keys`, { method: "POST", headers: { ...json, cookie }, body: JSON.stringify({ name: "route tests" }) });
  if (created.status !== 201) throw new Error(`creating the owner's API key failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { key: { token: string } }).key.token;
}

function tokenFor(origin: string): Promise<string> {
  let token = tokens.get(origin);
  if (!token) {
    token = createToken(origin);
    // A failed attempt is not remembered: the next call tries again.
    token.catch(() => tokens.delete(origin));
    tokens.set(origin, token);
  }
  return token;
}

/** Forgets the key of an app that stopped, so a new app on the same port gets its own. */
export function forgetOwnerKey(url: string): void {
  tokens.delete(new URL(url).origin);
  sessions.delete(new URL(url).origin);
}

/**
 * Sends this app's `ownerFetch` requests with a session cookie and our Origin, as the browser does.
 * For tests where the database refuses writes (a full disk, a second server holding the lock):
 * checking an API key records its last use, a write, while reading a session does not.
 */
export async function useOwnerSession(url: string): Promise<void> {
  const origin = new URL(url).origin;
  const cookie = signInCookie(origin);
  sessions.set(origin, cookie);
  await cookie;
}

/** The `Authorization` header value of the owner's API key on the app at `url`. */
export async function ownerAuthorization(url: string): Promise<string> {
  return `Bearer ${await tokenFor(new URL(url).origin)}`;
}

export async function ownerFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input);
  const headers = new Headers(init.headers);
  const session = sessions.get(url.origin);
  if (session) {
    headers.set("cookie", await session);
    if (!headers.has("origin")) headers.set("origin", url.origin);
  } else if (!headers.has("authorization")) headers.set("authorization", await ownerAuthorization(url.origin));
  return fetch(url, { ...init, headers });
}
