import "server-only";
import { AppError, withErrors } from "../app-error";
import { getEnv } from "../env";
import { getCaller, type Caller } from "./caller";
import { isSameOriginWrite } from "./same-origin";

/**
 * Who may call a route. `public`: anyone, no session is looked up. `user`: any signed-in, enabled
 * account. `owner`: the owner only; others get 403, or 404 with `hideFromOthers` where the route's
 * existence itself is not theirs to know.
 */
export type Access = { access: "public" } | { access: "user" } | { access: "owner"; hideFromOthers?: boolean };

type Handler<C> = (request: Request, context: C) => Promise<Response>;
type PublicHandler<C> = (request: Request, context: C) => Promise<Response>;
type CallerHandler<C> = (request: Request, context: C, caller: Caller) => Promise<Response>;

const unauthenticated = () => new AppError("unauthenticated", 401, "Sign in, or send an API key as Authorization: Bearer <key>.");
const badOrigin = () =>
  new AppError("bad-origin", 403, "This request must come from Motion Studio's own pages, as JSON or multipart; scripts use an API key.");

async function authorise(request: Request, access: Exclude<Access, { access: "public" }>): Promise<Caller> {
  const caller = await getCaller(request);
  if (!caller) throw unauthenticated();
  if (caller.via === "session" && !isSameOriginWrite(request, getEnv().PUBLIC_BASE_URL)) throw badOrigin();
  if (access.access === "owner" && caller.user.role !== "owner") {
    throw access.hideFromOthers ? new AppError("not-found", 404, "Not found.") : new AppError("forbidden", 403, "Only the owner may do this.");
  }
  return caller;
}

/** Declares who may call a route handler, and maps every failure to the public error body. */
export function route<C>(access: { access: "public" }, handler: PublicHandler<C>): Handler<C>;
export function route<C>(access: Exclude<Access, { access: "public" }>, handler: CallerHandler<C>): Handler<C>;
export function route<C>(access: Access, handler: PublicHandler<C> | CallerHandler<C>): Handler<C> {
  if (access.access === "public") return withErrors(handler as PublicHandler<C>);
  return withErrors(async (request, context) => (handler as CallerHandler<C>)(request, context, await authorise(request, access)));
}
