import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../storage/db";
import type { Auth } from "./auth";

/** The owner's display name until they change it: the part of the address before the @. */
export function nameFromEmail(email: string): string {
  return email.split("@")[0] || email;
}

export async function hasAnyUser(db: Kysely<Database>): Promise<boolean> {
  return Boolean(await db.selectFrom("user").select("id").limit(1).executeTakeFirst());
}

/**
 * Creates the owner through the ordinary sign-up path (so the same first-user rule applies): refused
 * with signup-closed once any user exists.
 */
export async function createOwner(auth: Auth, input: { email: string; password: string; name?: string }): Promise<{ id: string; email: string }> {
  const { user } = await auth.api.signUpEmail({ body: { email: input.email, password: input.password, name: input.name ?? nameFromEmail(input.email) } });
  return { id: user.id, email: user.email };
}

/** Headless set-up: OWNER_EMAIL + OWNER_PASSWORD create the owner on first start, and are ignored after. */
export async function createOwnerFromEnv(auth: Auth, db: Kysely<Database>, env: { OWNER_EMAIL?: string; OWNER_PASSWORD?: string }): Promise<boolean> {
  if (!env.OWNER_EMAIL || !env.OWNER_PASSWORD || (await hasAnyUser(db))) return false;
  try {
    await createOwner(auth, { email: env.OWNER_EMAIL, password: env.OWNER_PASSWORD });
    return true;
  } catch (error) {
    // Another process starting at the same time won the race: that is the owner we wanted.
    if (await hasAnyUser(db)) return false;
    throw error;
  }
}

/** Sets a new password for an existing account and signs it out everywhere; false when no such user. */
export async function resetPassword(auth: Auth, db: Kysely<Database>, email: string, password: string): Promise<boolean> {
  const user = await db.selectFrom("user").select("id").where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
  if (!user) return false;
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(password);
  const credential = await db.selectFrom("account").select("id").where("userId", "=", user.id).where("providerId", "=", "credential").executeTakeFirst();
  if (credential) await ctx.internalAdapter.updatePassword(user.id, hash);
  else await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
  await ctx.internalAdapter.deleteUserSessions(user.id);
  return true;
}
