import "server-only";
import { AppError } from "../app-error";

/**
 * Who is asking. Every store and service that touches user data takes one, so ownership is enforced
 * below the routes: a handler that forgets a check still only reaches its caller's rows. Pure, so the
 * services can import it; reading a viewer from a request is request-viewer.ts.
 */
export type Viewer = { userId: string; role: "owner" | "member" };

/** "own": the viewer's rows; "all": everyone's (owner only, see scopeOf). */
export type Scope = "own" | "all";

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
