import "server-only";
import { getApp } from "../app-context";
import { AppError } from "../app-error";
import { callerFromHeaders } from "../auth/caller";
import type { Viewer } from "./viewer";

/**
 * The viewer behind a request's session cookie or Bearer API key; 401 `unauthenticated` without one.
 * Apart from viewer.ts because it reaches the app context, which imports the services that take a Viewer.
 */
export async function viewerFrom(request: { headers: Headers }): Promise<Viewer> {
  const { auth } = await getApp();
  const caller = await callerFromHeaders(auth, request.headers);
  if (!caller) throw new AppError("unauthenticated", 401, "Sign in, or send an API key as Authorization: Bearer <key>.");
  return { userId: caller.user.id, role: caller.user.role };
}
