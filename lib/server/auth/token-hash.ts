import "server-only";
import { createHash } from "node:crypto";

/** Tokens (invites) are stored only as this digest, so a copy of the database grants nothing. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
