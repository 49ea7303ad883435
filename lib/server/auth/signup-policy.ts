import "server-only";
import { APIError } from "better-auth/api";
import type { Kysely } from "kysely";
import type { Database } from "../storage/db";
import type { BudgetStore } from "./budget-store";
import type { InviteStore } from "./invite-store";
import type { Role } from "@/lib/auth/roles";
import { hashToken } from "./token-hash";

type Deps = { db: Kysely<Database>; invites: InviteStore; budgets: BudgetStore };

const signupClosed = (message: string) => new APIError("FORBIDDEN", { code: "SIGNUP_CLOSED", message });

function inviteTokenOf(body: unknown): string | undefined {
  const token = typeof body === "object" && body !== null ? (body as Record<string, unknown>).inviteToken : undefined;
  return typeof token === "string" && token ? token : undefined;
}

/**
 * Who may create an account: the first user (who becomes the owner) while no user exists, afterwards
 * only the holder of a live invite, with the invite's role. Runs inside Better Auth's user-creation
 * hooks, so sign-up, the headless owner and the admin script all pass the same gate.
 */
export function createSignupPolicy({ db, invites, budgets }: Deps) {
  return {
    /** Decides the new user's role, or throws 403 signup-closed. Consumes the invite. */
    async admit(body: unknown): Promise<Role> {
      const token = inviteTokenOf(body);
      if (token) {
        const invite = await invites.consume(hashToken(token), new Date());
        if (!invite) throw signupClosed("This invite link is invalid, has expired or was already used.");
        return invite.role === "owner" ? "owner" : "member";
      }
      const existing = await db.selectFrom("user").select("id").limit(1).executeTakeFirst();
      if (existing) throw signupClosed("Sign-up needs an invite link from the owner of this Motion Studio.");
      return "owner";
    },

    /** Links the new user to its invite and gives it the invite's budget (the owner: unlimited). */
    async settle(userId: string, body: unknown): Promise<void> {
      const token = inviteTokenOf(body);
      const invite = token ? await invites.findByHash(hashToken(token)) : null;
      if (invite) await invites.setUsedBy(invite.token_hash, userId);
      await budgets.set(userId, invite?.monthly_units ?? null);
    },
  };
}
