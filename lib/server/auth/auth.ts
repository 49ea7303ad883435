import "server-only";
import { apiKey } from "@better-auth/api-key";
import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import type { Kysely } from "kysely";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../auth/password-rules";
import type { Env } from "../env";
import { logger } from "../logger";
import type { Database } from "../storage/db";
import { createBudgetStore } from "./budget-store";
import { clientAddress } from "./client-address";
import { createInviteStore } from "./invite-store";
import { ownOrigins } from "./same-origin";
import { createSignInThrottle } from "./sign-in-throttle";
import { createSignupPolicy } from "./signup-policy";

/** Prefix of every API key, so a leaked one is recognisable (and greppable by secret scanners). */
export const API_KEY_PREFIX = "ms_";

type Deps = {
  db: Kysely<Database>;
  env: Env;
  secret: string;
  /** Runs once the owner account exists (hands work made before accounts to them). */
  onOwnerCreated?: (userId: string) => Promise<unknown>;
};

/**
 * Better Auth on our database: email + password, passkeys, API keys, sessions in httpOnly SameSite=Lax
 * cookies. Its tables come from our migrations. Who may sign up and how often one may fail to sign in
 * are our rules, enforced in its hooks so every entry point passes them.
 */
export function createAuth({ db, env, secret, onOwnerCreated }: Deps) {
  const invites = createInviteStore(db);
  const budgets = createBudgetStore(db);
  const signup = createSignupPolicy({ db, invites, budgets });
  const throttle = createSignInThrottle(db, {
    windowMs: env.SIGN_IN_LOCKOUT_S * 1000,
    perAccount: env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
    perAddress: env.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
  });
  const signInTarget = (body: unknown) => {
    const email = typeof body === "object" && body !== null ? (body as Record<string, unknown>).email : undefined;
    return typeof email === "string" ? email : "";
  };

  return betterAuth({
    appName: "Motion Studio",
    // Without PUBLIC_BASE_URL the origin is taken from each request, so localhost and LAN names both work.
    baseURL: env.PUBLIC_BASE_URL,
    secret,
    // "sqlite" names our storage convention on both databases: booleans as 0/1, times as ISO text (see
    // migrations.ts). Better Auth's schema check reads the tables through Kysely's introspection, which
    // works on Postgres too; its queries are portable SQL either way.
    database: { db, type: "sqlite" },
    telemetry: { enabled: false },
    logger: {
      log: (level, message) => {
        // Deliberate: without PUBLIC_BASE_URL the origin comes from each request (see baseURL).
        if (message.includes("Base URL is not set")) return;
        logger()[level]({ source: "better-auth" }, message);
      },
    },
    // Better Auth's limiter counts every request per address in memory; ours counts failures per
    // account and per address in the database (see the hooks below).
    rateLimit: { enabled: false },
    // Without PUBLIC_BASE_URL, Better Auth knows no origin of ours and refuses every sign-in from a
    // browser: trust the one the request addressed, as the route guard does (same-origin.ts).
    trustedOrigins: (request) => (request ? [...ownOrigins(request, env.PUBLIC_BASE_URL)] : env.PUBLIC_BASE_URL ? [env.PUBLIC_BASE_URL] : []),
    // Better Auth skips its origin check when TEST is set, as it is for the route tests' servers:
    // never, so they see what production does.
    advanced: { cookiePrefix: "motion-studio", disableOriginCheck: false },
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH, autoSignIn: true },
    user: {
      additionalFields: {
        role: { type: "string", required: false, input: false, defaultValue: "member" },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    plugins: [
      passkey({ rpName: "Motion Studio" }),
      apiKey({ defaultPrefix: API_KEY_PREFIX, requireName: true, maximumNameLength: 64, rateLimit: { enabled: false } }),
    ],
    databaseHooks: {
      user: {
        create: {
          before: async (user, ctx) => ({ data: { ...user, role: await signup.admit(ctx?.body) } }),
          after: async (user, ctx) => {
            await signup.settle(user.id, ctx?.body);
            if ((user as { role?: unknown }).role === "owner") await onOwnerCreated?.(user.id);
          },
        },
      },
      session: {
        create: {
          // Covers every way in (password, passkey): a disabled member gets no new session.
          before: async (session) => {
            const user = await db.selectFrom("user").select("disabledAt").where("id", "=", session.userId).executeTakeFirst();
            if (user?.disabledAt) throw new APIError("FORBIDDEN", { code: "ACCOUNT_DISABLED", message: "This account has been disabled by the owner." });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const wait = await throttle.retryAfter(signInTarget(ctx.body), clientAddress(ctx.headers));
        if (wait !== null) {
          throw new APIError("TOO_MANY_REQUESTS", { code: "TOO_MANY_ATTEMPTS", message: `Too many failed sign-ins; try again in ${wait} s.` }, { "Retry-After": String(wait) });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const returned = ctx.context.returned;
        const email = signInTarget(ctx.body);
        if (isAPIError(returned)) {
          if (returned.statusCode === 401) await throttle.recordFailure(email, clientAddress(ctx.headers));
        } else {
          await throttle.recordSuccess(email);
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Resolves once Better Auth has checked that our migrations gave it the tables it needs; throws if not. */
export async function checkAuthSchema(auth: Auth): Promise<void> {
  const ctx = await auth.$context;
  await ctx.checkSchema?.();
}
