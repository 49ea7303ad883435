import * as z from "@/lib/validation/zod";
import { ApiError, requestJson, sendJson } from "./api";

/** The browser's calls to the account routes (design.md §2a). */

const json = { "content-type": "application/json" };
const post = (body: unknown, method = "POST"): RequestInit => ({ method, headers: json, body: JSON.stringify(body) });

export const roleSchema = z.enum(["owner", "member"]);
export const budgetSchema = z.object({ monthlyUnits: z.nullable(z.number()), usedUnits: z.number(), reservedUnits: z.number(), periodStart: z.string() });
export type Budget = z.infer<typeof budgetSchema>;

const apiKeySchema = z.object({ id: z.string(), name: z.string(), start: z.nullable(z.string()), createdAt: z.string(), lastUsedAt: z.nullable(z.string()) });
export type ApiKeySummary = z.infer<typeof apiKeySchema>;
const createdKeySchema = z.object({ key: z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string() }) });

const inviteSchema = z.object({ invite: z.object({ token: z.string(), url: z.string(), expiresAt: z.string() }) });
const pendingInviteSchema = z.object({ id: z.string(), role: roleSchema, monthlyUnits: z.nullable(z.number()), createdAt: z.string(), expiresAt: z.string() });
export type PendingInvite = z.infer<typeof pendingInviteSchema>;

const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  activeSessions: z.number(),
  budget: budgetSchema,
});
export type Member = z.infer<typeof memberSchema>;

export async function signUpWithEmail(input: { name: string; email: string; password: string; inviteToken?: string }): Promise<void> {
  await sendJson("/api/auth/sign-up/email", post(input));
}

export async function signInWithEmail(input: { email: string; password: string }): Promise<void> {
  await sendJson("/api/auth/sign-in/email", post(input));
}

export const listApiKeys = () => requestJson("/api/account/keys", z.object({ keys: z.array(apiKeySchema) })).then((body) => body.keys);
export const createApiKey = (name: string) => requestJson("/api/account/keys", createdKeySchema, post({ name })).then((body) => body.key);
export const revokeApiKey = (id: string) => sendJson(`/api/account/keys/${encodeURIComponent(id)}`, { method: "DELETE" });

export const createInvite = (monthlyUnits: number | null) => requestJson("/api/invites", inviteSchema, post({ role: "member", monthlyUnits })).then((body) => body.invite);
export const listInvites = () => requestJson("/api/invites", z.object({ invites: z.array(pendingInviteSchema) })).then((body) => body.invites);
export const withdrawInvite = (id: string) => sendJson(`/api/invites/${encodeURIComponent(id)}`, { method: "DELETE" });

export const listMembers = () => requestJson("/api/members", z.object({ members: z.array(memberSchema) })).then((body) => body.members);
export const updateMember = (id: string, patch: { disabled?: boolean; monthlyUnits?: number | null }) =>
  sendJson(`/api/members/${encodeURIComponent(id)}`, post(patch, "PATCH"));
export const signOutMember = (id: string) => sendJson(`/api/members/${encodeURIComponent(id)}/sessions`, { method: "DELETE" });

/**
 * `GET /api/account`: who is signed in and their month's budget. Until accounts exist on a server the
 * route answers 404 (or 401 when signed out); both mean "no account to show", not an error.
 */
export type AccountBudget = Budget;

export const accountSchema = z.object({
  user: z.looseObject({ id: z.optional(z.string()), role: z.optional(z.string()) }),
  budget: budgetSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const ACCOUNT_PATH = "/api/account";

export async function getAccount(signal?: AbortSignal): Promise<Account | null> {
  try {
    return await requestJson(ACCOUNT_PATH, accountSchema, { signal });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 401)) return null;
    throw error;
  }
}

/** Units still free this month (used and reserved both count); null when there is no limit. */
export function remainingUnits(budget: AccountBudget): number | null {
  if (budget.monthlyUnits === null) return null;
  return Math.max(0, Math.round((budget.monthlyUnits - budget.usedUnits - budget.reservedUnits) * 100) / 100);
}
