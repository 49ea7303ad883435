import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * The server's signing secret: APP_SECRET when set, otherwise a random one created once in DATA_DIR,
 * so callback tokens survive restarts without any configuration.
 */
export function loadSecret(dataDir: string, configured?: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, "secret.key");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

/** An unguessable token naming one of our ids, e.g. for callback URLs. */
export function signId(secret: string, id: string): string {
  return createHmac("sha256", secret).update(id).digest("base64url").slice(0, 32);
}
