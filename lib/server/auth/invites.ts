import "server-only";
import { nanoid } from "nanoid";
import type { Kysely } from "kysely";
import type { Database, InviteRow } from "../storage/db";
import { createInviteStore } from "./invite-store";
import type { Role } from "@/lib/auth/roles";
import { hashToken } from "./token-hash";

/** Invite links stay valid for a week. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type CreatedInvite = { token: string; url: string; expiresAt: string };
export type PendingInvite = { id: string; role: Role; monthlyUnits: number | null; createdAt: string; expiresAt: string };

export const invitePath = (token: string) => `/sign-up?invite=${encodeURIComponent(token)}`;

export type Invites = ReturnType<typeof createInvites>;

/** One-time sign-up links made by the owner; 32 nanoid characters (190 random bits), stored hashed. */
export function createInvites(db: Kysely<Database>, publicBaseUrl: string | undefined) {
  const store = createInviteStore(db);
  return {
    async create(input: { createdBy: string; role: Role; monthlyUnits: number | null }, now = new Date()): Promise<CreatedInvite> {
      const token = nanoid(32);
      const row: InviteRow = {
        id: nanoid(),
        token_hash: hashToken(token),
        role: input.role,
        monthly_units: input.monthlyUnits,
        created_by: input.createdBy,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + INVITE_TTL_MS).toISOString(),
        used_at: null,
        used_by: null,
      };
      await store.insert(row);
      const path = invitePath(token);
      return { token, url: publicBaseUrl ? new URL(path, publicBaseUrl).toString() : path, expiresAt: row.expires_at };
    },
    async listPending(): Promise<PendingInvite[]> {
      const rows = await store.listPending(new Date());
      return rows.map((row) => ({ id: row.id, role: row.role === "owner" ? "owner" : "member", monthlyUnits: row.monthly_units, createdAt: row.created_at, expiresAt: row.expires_at }));
    },
    revoke: (id: string) => store.revoke(id, new Date()),
  };
}
