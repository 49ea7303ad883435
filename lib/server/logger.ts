import "server-only";
import pino from "pino";
import { getEnv, secretValues } from "./env";

/** Replaces any configured secret inside a string, wherever it hides (URLs, messages, headers). */
export function scrubSecrets(text: string, secrets: string[] = secretValues()): string {
  return secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
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
