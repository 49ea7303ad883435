/** Who may do what: `owner` runs the install (members, budgets, everyone's work); `member` sees its own. */
export const ROLES = ["owner", "member"] as const;
export type Role = (typeof ROLES)[number];

/** Roles an invite may grant: there is only ever one owner. */
export const INVITE_ROLES = ["member"] as const;

export function toRole(value: unknown): Role {
  return value === "owner" ? "owner" : "member";
}
