import "server-only";
import { createKlingClient, type KlingClient } from "@/lib/kling/client";
import type { Provider } from "@/lib/recipe/schema";
import { engineApiKey } from "../engine-key";
import { secretValues, type Env } from "../env";
import { scrubSecrets } from "../logger";

/** Kling's current global endpoint, used with AK/SK when no base URL is configured. */
export const KLING_DEFAULT_BASE_URL = "https://api-singapore.klingai.com";

export type ProviderClient = Pick<KlingClient, "createTask" | "getTask" | "getTaskByExternalId">;

export type ProviderSetup = {
  client: ProviderClient;
  /** Base URL our callbacks are reachable at for this provider, if any. */
  callbackBase?: string;
};

/**
 * One HTTP client, two destinations: the in-repo preview engine (always there, its key read from DATA_DIR unless configured) and
 * Kling or DMXAPI when credentials are configured.
 */
export function createProviders(env: Env): Record<Provider, ProviderSetup | null> {
  // The one scrubber, fed with the server's secrets and the client's own credentials (a JWT, a key).
  const redact = (text: string, credentials: readonly string[]) => scrubSecrets(text, [...secretValues(env), ...credentials]);
  const preview: ProviderSetup = {
    client: createKlingClient({ baseUrl: env.engineBaseUrl, auth: { kind: "bearer", apiKey: engineApiKey(env) }, timeoutMs: env.KLING_TIMEOUT_MS, retryBaseMs: 100, redact }),
    // The embedded engine runs beside us and reaches our callback route on loopback; an engine service
    // (ENGINE_BASE_URL) calls back at PUBLIC_BASE_URL (none without it: the task is polled).
    callbackBase: env.PUBLIC_BASE_URL ?? (env.ENGINE_BASE_URL ? undefined : `http://127.0.0.1:${env.PORT}`),
  };
  let kling: ProviderSetup | null = null;
  if (env.KLING_API_KEY && env.KLING_API_BASE_URL) {
    kling = {
      client: createKlingClient({ baseUrl: env.KLING_API_BASE_URL, auth: { kind: "bearer", apiKey: env.KLING_API_KEY }, timeoutMs: env.KLING_TIMEOUT_MS, redact }),
      callbackBase: env.PUBLIC_BASE_URL,
    };
  } else if (env.KLING_ACCESS_KEY && env.KLING_SECRET_KEY) {
    kling = {
      client: createKlingClient({
        baseUrl: env.KLING_API_BASE_URL ?? KLING_DEFAULT_BASE_URL,
        auth: { kind: "jwt", accessKey: env.KLING_ACCESS_KEY, secretKey: env.KLING_SECRET_KEY },
        timeoutMs: env.KLING_TIMEOUT_MS,
        redact,
      }),
      callbackBase: env.PUBLIC_BASE_URL,
    };
  }
  return { preview, kling };
}
