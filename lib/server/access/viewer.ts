import "server-only";
import { getApp } from "../app-context";
import { AppError } from "../app-error";
import { callerFromHeaders, type Caller } from "../auth/caller";

/**
 * Who is asking. Every store and service that touches user data takes one, so ownership is enforced
 * below the routes: a handler that forgets a check still only reaches its caller's rows.
 */
export type Viewer = { userId: string; role: "owner" | "member" };

/** "own": the viewer's rows; "all": everyone's (owner only, see scopeOf). */
export type Scope = "own" | "all";

/** The viewer behind a request's session cookie or Bearer API key; 401 `unauthenticated` without one. */
export async function viewerFrom(request: { headers: Headers }): Promise<Viewer> {
  const { auth } = await getApp();
  const caller = await callerFromHeaders(auth, request.headers);
  if (!caller) throw new AppError("unauthenticated", 401, "Sign in, or send an API key as Authorization: Bearer <key>.");
  return viewerOf(caller);
}

export function viewerOf(caller: Caller): Viewer {
  return { userId: caller.user.id, role: caller.user.role };
}

/** The scope a listing asked for; `all` is the owner's alone (a member asking for it is refused). */
export function listScope(viewer: Viewer, requested: Scope | undefined): Scope {
  if (requested !== "all") return "own";
  if (viewer.role !== "owner") throw new AppError("forbidden", 403, "scope: only the owner may list everyone's work", "scope");
  return "all";
}

/**
 * The scope of a lookup by id: the owner may open, serve and manage anyone's work (design.md §2a:
 * "owner: everything"); a member only their own. Another user's row then reads as missing.
 */
export function idScope(viewer: Viewer): Scope {
  return viewer.role === "owner" ? "all" : "own";
}
