import "server-only";
import { AppError } from "../app-error";

/**
 * Who is asking. Every store and service that touches user data takes one, so ownership is enforced
 * below the routes: a handler that forgets a check still only reaches its caller's rows.
 */
export type Viewer = { userId: string; role: "owner" | "member" };

/** "own": the viewer's rows; "all": everyone's (owner only, see scopeOf). */
export type Scope = "own" | "all";

/** The owner of this server before accounts exist; see viewerFrom. */
export const PLACEHOLDER_OWNER: Viewer = { userId: "usr_placeholder_owner", role: "owner" };

/**
 * PLACEHOLDER until the accounts branch lands: the one place that turns a request into a Viewer. It
 * reads nothing and answers the server's owner; at merge it becomes the accounts caller (session or
 * API key), which throws 401 `unauthenticated` when there is none. Routes pass their Request; server
 * actions and pages pass `{ headers: await headers() }`.
 */
export async function viewerFrom(request: { headers: Headers }): Promise<Viewer> {
  void request;
  return PLACEHOLDER_OWNER;
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
