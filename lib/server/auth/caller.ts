import "server-only";
import { getApp } from "../app-context";
import type { Auth } from "./auth";
import { toRole, type Role } from "@/lib/auth/roles";

/** Who is calling, and how they proved it. */
export type Caller = {
  user: { id: string; email: string; name: string; role: Role };
  /** `session`: a browser cookie (subject to the origin check); `api-key`: a Bearer token (exempt). */
  via: "session" | "api-key";
};

type AuthUser = { id: string; email: string; name: string; role?: unknown; disabledAt?: unknown };

function toCaller(user: AuthUser, via: Caller["via"]): Caller | null {
  if (user.disabledAt) return null;
  return { user: { id: user.id, email: user.email, name: user.name, role: toRole(user.role) }, via };
}

function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/**
 * Lookups by request: the route wrapper and the handler's viewerFrom both ask for the caller of one
 * request, and each lookup is a database read (an API key's also a write of its last use).
 */
const lookups = new WeakMap<Headers, Promise<Caller | null>>();

/** The caller behind a set of request headers, or null (none, unknown, expired, revoked or disabled); looked up once per request. */
export function callerFromHeaders(auth: Auth, headers: Headers): Promise<Caller | null> {
  let caller = lookups.get(headers);
  if (!caller) {
    caller = lookUpCaller(auth, headers);
    lookups.set(headers, caller);
  }
  return caller;
}

async function lookUpCaller(auth: Auth, headers: Headers): Promise<Caller | null> {
  const token = bearerToken(headers);
  if (token) {
    const result = await auth.api.verifyApiKey({ body: { key: token } });
    const userId = result.valid ? result.key?.referenceId : undefined;
    if (!userId) return null;
    const ctx = await auth.$context;
    const user = await ctx.internalAdapter.findUserById(userId);
    return user ? toCaller(user, "api-key") : null;
  }
  const session = await auth.api.getSession({ headers });
  return session ? toCaller(session.user, "session") : null;
}

/** The caller of a route: a session cookie or `Authorization: Bearer <api key>`. */
export async function getCaller(request: Request): Promise<Caller | null> {
  const { auth } = await getApp();
  return callerFromHeaders(auth, request.headers);
}
