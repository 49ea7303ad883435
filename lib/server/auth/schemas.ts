import { z } from "zod";
import { INVITE_ROLES } from "@/lib/auth/roles";

/** Request bodies of the account routes, shared with the account pages' forms. */
export const monthlyUnitsSchema = z.number().finite().min(0).max(1_000_000).nullable();
export const apiKeyBody = z.object({ name: z.string().trim().min(1).max(64) }).strict();
export const inviteBody = z.object({ role: z.enum(INVITE_ROLES).default("member"), monthlyUnits: monthlyUnitsSchema.default(null) }).strict();
export const memberPatchBody = z
  .object({ disabled: z.boolean().optional(), monthlyUnits: monthlyUnitsSchema.optional() })
  .strict()
  .refine((body) => body.disabled !== undefined || body.monthlyUnits !== undefined, { message: "give disabled or monthlyUnits" });
