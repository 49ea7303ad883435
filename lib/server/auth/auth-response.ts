import "server-only";
import type { ErrorBody } from "../app-error";

/** Better Auth codes that mean one of our existing codes. */
const ALIASES: Record<string, string> = { "validation-error": "invalid-request" };

/** SIGNUP_CLOSED → signup-closed: Better Auth's codes in our kebab-case. */
export function kebabCode(code: string): string {
  const kebab = code.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return ALIASES[kebab] ?? kebab;
}

function fallbackMessage(status: number): string {
  if (status === 404) return "There is no such account endpoint.";
  if (status === 429) return "Too many requests; try again later.";
  return "The request was refused.";
}

/**
 * Better Auth answers errors as `{code, message}` (or an empty body); clients of this API get every
 * error as `{"error": {"code", "message"}}`. Status and headers (Retry-After, Set-Cookie) are kept.
 */
export async function toPublicAuthResponse(response: Response): Promise<Response> {
  if (response.ok || response.status < 400) return response;
  const text = await response.text();
  let parsed: { code?: unknown; message?: unknown } = {};
  try {
    parsed = text ? (JSON.parse(text) as typeof parsed) : {};
  } catch {
    // not JSON: keep the defaults below
  }
  const code = typeof parsed.code === "string" && parsed.code ? kebabCode(parsed.code) : response.status === 404 ? "not-found" : `http-${response.status}`;
  const message = typeof parsed.message === "string" && parsed.message ? parsed.message : fallbackMessage(response.status);
  const body: ErrorBody = { error: { code, message } };
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
