import "server-only";
import { errors, jwtVerify } from "jose";
import { EngineError } from "./codes";

export type AuthOptions = { apiKey: string; accessKey?: string; secretKey?: string; now?: () => number };

/**
 * Accepts `Bearer <apiKey>` (DMXAPI style) or, when an access/secret key pair is configured, an HS256
 * JWT with iss = accessKey (Kling direct, kling-api.md §9.1). Throws the matching 1001–1004.
 */
export async function authorize(header: string | null, options: AuthOptions): Promise<void> {
  if (!header || !header.trim()) throw new EngineError(1001);
  const match = /^Bearer (\S+)$/.exec(header.trim());
  if (!match?.[1]) throw new EngineError(1002);
  const token = match[1];
  if (token === options.apiKey) return;
  if (!options.accessKey || !options.secretKey) throw new EngineError(1002);
  await verifyJwt(token, options.accessKey, options.secretKey, options.now);
}

async function verifyJwt(token: string, accessKey: string, secretKey: string, now?: () => number): Promise<void> {
  try {
    await jwtVerify(token, new TextEncoder().encode(secretKey), {
      algorithms: ["HS256"],
      issuer: accessKey,
      requiredClaims: ["exp"],
      currentDate: now ? new Date(now()) : undefined,
    });
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new EngineError(1004);
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf") throw new EngineError(1003);
    throw new EngineError(1002);
  }
}
