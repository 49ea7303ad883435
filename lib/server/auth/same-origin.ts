import "server-only";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ALLOWED_TYPES = ["application/json", "multipart/form-data"];

/** The origins this server answers on: the one the browser addressed (Host), and PUBLIC_BASE_URL's. */
export function ownOrigins(request: Request, publicBaseUrl: string | undefined): Set<string> {
  const url = new URL(request.url);
  const origins = new Set([url.origin]);
  const host = request.headers.get("host");
  if (host) origins.add(`${url.protocol}//${host}`);
  if (publicBaseUrl) origins.add(new URL(publicBaseUrl).origin);
  return origins;
}

function fromOwnOrigin(request: Request, publicBaseUrl: string | undefined): boolean {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") return ownOrigins(request, publicBaseUrl).has(origin);
  // Browsers send Origin on every state-changing request; Sec-Fetch-Site is the fallback. With
  // neither, it is not a browser we can vouch for: scripts authenticate with an API key instead.
  return request.headers.get("sec-fetch-site") === "same-origin";
}

/** A body-less DELETE needs no type; anything else must be a type an HTML form cannot send cross-site. */
function hasAllowedType(request: Request): boolean {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (!type) return request.method === "DELETE" && !request.headers.get("content-length") && !request.headers.get("transfer-encoding");
  return ALLOWED_TYPES.includes(type);
}

/**
 * CSRF guard for cookie-authenticated requests: a state-changing one must come from our own origin
 * and carry JSON or multipart. Reads pass; Bearer requests never reach here.
 */
export function isSameOriginWrite(request: Request, publicBaseUrl: string | undefined): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  return fromOwnOrigin(request, publicBaseUrl) && hasAllowedType(request);
}
