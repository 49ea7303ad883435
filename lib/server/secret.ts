import "server-only";
import { createHmac } from "node:crypto";
import path from "node:path";
import { readOrCreateSecretFile } from "./secret-file";

/**
 * The server's signing secret: APP_SECRET when set (required for replicas, see env.ts), otherwise a
 * random one created once in DATA_DIR, so callback tokens survive restarts without any configuration.
 * Two processes starting together on one volume agree on the same file (see secret-file.ts).
 */
export function loadSecret(dataDir: string, configured?: string): string {
  if (configured) return configured;
  return readOrCreateSecretFile(path.join(dataDir, "secret.key"));
}

/** An unguessable token naming one of our ids, e.g. for callback URLs. */
export function signId(secret: string, id: string): string {
  return createHmac("sha256", secret).update(id).digest("base64url").slice(0, 32);
}
