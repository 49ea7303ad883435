import { passkeyClient } from "@better-auth/passkey/client";
import { createAuthClient } from "better-auth/client";

/** Better Auth's browser client: passkey ceremonies (WebAuthn), sessions, profile. Same origin. */
export const authClient = createAuthClient({ plugins: [passkeyClient()] });

type ClientError = { status?: number; message?: string; code?: string; error?: { code?: string; message?: string } } | null | undefined;

/** Our auth routes answer `{error: {code, message}}`; older shapes are tolerated. */
export function authClientError(error: ClientError): { code: string; message: string } | null {
  if (!error) return null;
  return { code: error.error?.code ?? error.code?.toLowerCase().replace(/_/g, "-") ?? `http-${error.status ?? 0}`, message: error.error?.message ?? error.message ?? "" };
}
