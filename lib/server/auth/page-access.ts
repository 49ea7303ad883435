import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { signInPath } from "../../auth/next-path";
import { getApp } from "../app-context";
import { AppError } from "../app-error";
import { hasAnyUser } from "./admin-actions";
import { callerFromHeaders, type Caller } from "./caller";

/** The signed-in caller of a page, or null. */
export async function pageCaller(): Promise<Caller | null> {
  const { auth } = await getApp();
  return callerFromHeaders(auth, await headers());
}

/**
 * For pages that need an account: without a session, redirects to sign-in (or to the set-up page on
 * a fresh install), coming back to `path` afterwards. Owner pages answer 404 to members.
 */
export async function requirePageCaller(path: string, access: "user" | "owner" = "user"): Promise<Caller> {
  const caller = await pageCaller();
  if (!caller) redirect((await installHasUsers()) ? signInPath(path) : "/setup");
  if (access === "owner" && caller.user.role !== "owner") notFound();
  return caller;
}

/** False on a fresh install, where the set-up page creates the owner. */
export async function installHasUsers(): Promise<boolean> {
  const { db } = await getApp();
  return hasAnyUser(db);
}

/**
 * For server actions: they are POST endpoints of their own, so they check the caller like a route
 * does (Next.js already refuses a foreign Origin for them). Throws 401 `unauthenticated` without one.
 */
export async function requireActionCaller(): Promise<Caller> {
  const caller = await pageCaller();
  if (!caller) throw new AppError("unauthenticated", 401, "Sign in to see the library.");
  return caller;
}
