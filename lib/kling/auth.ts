import { SignJWT } from "jose";

/**
 * Credentials for the Kling client: a Bearer API key (DMXAPI, the preview engine) or Kling's AccessKey +
 * SecretKey, from which an HS256 JWT is signed (shared/kling-api.md §9.1).
 */
export type KlingAuth = { kind: "bearer"; apiKey: string } | { kind: "jwt"; accessKey: string; secretKey: string };

export const JWT_LIFETIME_S = 1800;
export const JWT_NOT_BEFORE_SKEW_S = 5;
/** Re-sign when less than this remains, so a token never expires between signing and Kling checking it. */
export const JWT_REFRESH_MARGIN_S = 300;

export type TokenSource = {
  /** The token to send now (cached JWT, re-signed when close to expiry). */
  token(): Promise<string>;
  /** Forces a new token (after Kling said 1003/1004); false when the credentials cannot be refreshed. */
  refresh(): Promise<boolean>;
  /** Every secret string this source may put on the wire, for scrubbing error text. */
  secrets(): string[];
};

export async function signKlingJwt(accessKey: string, secretKey: string, nowMs: number): Promise<string> {
  const now = Math.floor(nowMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(accessKey)
    .setExpirationTime(now + JWT_LIFETIME_S)
    .setNotBefore(now - JWT_NOT_BEFORE_SKEW_S)
    .sign(new TextEncoder().encode(secretKey));
}

export function createTokenSource(auth: KlingAuth, now: () => number = Date.now): TokenSource {
  if (auth.kind === "bearer") {
    return { token: async () => auth.apiKey, refresh: async () => false, secrets: () => [auth.apiKey] };
  }
  let cached: { token: string; expiresAtMs: number } | null = null;
  // Concurrent callers share one signing instead of each minting a token.
  let pending: Promise<string> | null = null;

  const sign = (): Promise<string> => {
    pending ??= (async () => {
      const signedAt = now();
      const token = await signKlingJwt(auth.accessKey, auth.secretKey, signedAt);
      cached = { token, expiresAtMs: Math.floor(signedAt / 1000) * 1000 + JWT_LIFETIME_S * 1000 };
      return token;
    })().finally(() => {
      pending = null;
    });
    return pending;
  };

  return {
    token: async () => {
      if (cached && cached.expiresAtMs - now() > JWT_REFRESH_MARGIN_S * 1000) return cached.token;
      return sign();
    },
    refresh: async () => {
      cached = null;
      await sign();
      return true;
    },
    secrets: () => [auth.secretKey, ...(cached ? [cached.token] : [])],
  };
}
