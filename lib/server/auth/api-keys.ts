import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../storage/db";
import type { Auth } from "./auth";

/** What the account page lists: never the token, only its first characters. */
export type ApiKeySummary = { id: string; name: string; start: string | null; createdAt: string; lastUsedAt: string | null };
export type CreatedApiKey = { id: string; name: string; token: string; createdAt: string };

export type ApiKeys = ReturnType<typeof createApiKeys>;

/** API keys for scripts: Better Auth makes and hashes them; listing and revoking are scoped to the owner. */
export function createApiKeys(auth: Auth, db: Kysely<Database>) {
  return {
    async create(userId: string, name: string): Promise<CreatedApiKey> {
      const created = await auth.api.createApiKey({ body: { name, userId } });
      return { id: created.id, name: created.name ?? name, token: created.key, createdAt: new Date(created.createdAt).toISOString() };
    },
    async list(userId: string): Promise<ApiKeySummary[]> {
      const rows = await db
        .selectFrom("apikey")
        .select(["id", "name", "start", "createdAt", "lastRequest"])
        .where("referenceId", "=", userId)
        .orderBy("createdAt", "desc")
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.name ?? "", start: row.start, createdAt: row.createdAt, lastUsedAt: row.lastRequest }));
    },
    /** False when the key does not exist or belongs to someone else (the same answer, on purpose). */
    async revoke(userId: string, id: string): Promise<boolean> {
      const result = await db.deleteFrom("apikey").where("id", "=", id).where("referenceId", "=", userId).executeTakeFirst();
      return result.numDeletedRows > BigInt(0);
    },
  };
}
