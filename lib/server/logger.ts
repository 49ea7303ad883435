import "server-only";
import pino from "pino";
import { getEnv, secretValues } from "./env";

/**
 * The one scrubber: replaces any configured secret inside a string, wherever it hides (URLs, messages,
 * headers, upstream task messages), also in its URL-encoded form. Everything upstream sends us that we
 * store, log or answer passes through here.
 */
export function scrubSecrets(text: string, secrets: readonly string[] = secretValues()): string {
  const forms = secrets.filter(Boolean).flatMap((secret) => [secret, encodeURIComponent(secret)]);
  // Longest first, so a secret that contains another is removed whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length).reduce((out, secret) => out.split(secret).join("[redacted]"), text);
}

function createLogger() {
  const env = getEnv();
  return pino({
    level: env.LOG_LEVEL,
    redact: {
      paths: ["authorization", "*.authorization", "headers.authorization", "*.headers.authorization", "apiKey", "*.apiKey", "token", "*.token"],
      censor: "[redacted]",
    },
    hooks: {
      // Belt and braces: a secret that slipped into a message or a nested value is still scrubbed.
      streamWrite: (line) => scrubSecrets(line),
    },
  });
}

let instance: pino.Logger | undefined;

export function logger(): pino.Logger {
  instance ??= createLogger();
  return instance;
}
