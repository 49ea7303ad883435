import type { AppServer } from "./app-server";
import { TEST_OWNER } from "./test-owner";

/** A fetch bound to one app: takes a path or a full URL. */
export type AppFetch = (pathOrUrl: string, init?: RequestInit) => Promise<Response>;

type Credentials = { email: string; password: string };

const toUrl = (app: Pick<AppServer, "url">, pathOrUrl: string) => (pathOrUrl.startsWith("http") ? pathOrUrl : `${app.url}${pathOrUrl}`);

/** The `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

/** Signs in with email and password (the test owner by default); throws unless it works. */
export async function signIn(app: Pick<AppServer, "url">, credentials: Credentials = TEST_OWNER): Promise<string> {
  const response = await fetch(`${app.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${credentials.email} failed: ${response.status} ${await response.text()}`);
  return cookieHeader(response);
}

/** A fetch with a session cookie, sent as a browser on our own origin would (Origin header set). */
export function cookieClient(app: Pick<AppServer, "url">, cookie: string): AppFetch {
  return (pathOrUrl, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", cookie);
    if (!headers.has("origin")) headers.set("origin", app.url);
    return fetch(toUrl(app, pathOrUrl), { ...init, headers });
  };
}

/** A fetch signed in as the test owner (or the given account) with a session cookie. */
export async function signedInClient(app: Pick<AppServer, "url">, credentials: Credentials = TEST_OWNER): Promise<AppFetch> {
  return cookieClient(app, await signIn(app, credentials));
}

/** A fetch that authenticates like a script: `Authorization: Bearer <api key>`. */
export function bearerClient(app: Pick<AppServer, "url">, token: string): AppFetch {
  return (pathOrUrl, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${token}`);
    return fetch(toUrl(app, pathOrUrl), { ...init, headers });
  };
}

/** Creates an API key for the test owner (or the given account) and returns a Bearer client using it. */
export async function apiKeyClient(app: Pick<AppServer, "url">, credentials: Credentials = TEST_OWNER): Promise<AppFetch> {
  const client = await signedInClient(app, credentials);
  const response = await client("/api/account/keys", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "tests" }) });
  if (response.status !== 201) throw new Error(`creating an API key failed: ${response.status} ${await response.text()}`);
  const { key } = (await response.json()) as { key: { token: string } };
  return bearerClient(app, key.token);
}
