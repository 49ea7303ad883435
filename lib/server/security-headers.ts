/**
 * The security headers of every response, as pure functions of the request path and the settings, so
 * proxy.ts stays a thin adapter and the policy is unit-tested. No Node-only imports: proxy.ts imports it.
 */

export type HeaderContext = {
  pathname: string;
  /** This request's script nonce; only pages use it. */
  nonce: string;
  publicBaseUrl: string | undefined;
  /** `next dev` evaluates its modules with eval(); production never may. */
  dev: boolean;
};

export const CSP_HEADER = "Content-Security-Policy";

/** One year: browsers keep upgrading to https for that long after a visit. */
const HSTS_MAX_AGE_S = 31_536_000;

/** The only route another site may frame: the bare player of a share link. */
const EMBED_PATH = /^\/s\/[^/]+\/embed\/?$/;

/**
 * Paths that answer data, files or Next's own assets rather than an HTML page: no CSP (a media or image
 * document opened directly must still render) and no nonce to generate.
 */
const NON_PAGE_PREFIXES = ["/api/", "/engine/", "/_next/"];

export function isPagePath(pathname: string): boolean {
  return !NON_PAGE_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

export function isEmbedPath(pathname: string): boolean {
  return EMBED_PATH.test(pathname);
}

/**
 * The page policy. Scripts: only those carrying this request's nonce, plus what they load
 * ('strict-dynamic' lets Next's chunks and Konva's blob: workers in). Styles keep 'unsafe-inline':
 * React renders `style` attributes into the server HTML and sonner injects a <style> element, neither
 * of which can carry a nonce (and a nonce in style-src would switch 'unsafe-inline' off).
 */
export function contentSecurityPolicy(options: { nonce: string; dev: boolean; frameable: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "data:"],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": [options.frameable ? "*" : "'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

function isHttps(publicBaseUrl: string | undefined): boolean {
  if (!publicBaseUrl) return false;
  try {
    return new URL(publicBaseUrl).protocol === "https:";
  } catch {
    return false;
  }
}

/** The headers to set on the response to `pathname`. */
export function securityHeaders(context: HeaderContext): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  // Only when the public address is https: HSTS on a plain-http LAN address would lock browsers out.
  if (isHttps(context.publicBaseUrl)) headers["Strict-Transport-Security"] = `max-age=${HSTS_MAX_AGE_S}`;
  if (!isPagePath(context.pathname)) return headers;
  const frameable = isEmbedPath(context.pathname);
  headers[CSP_HEADER] = contentSecurityPolicy({ nonce: context.nonce, dev: context.dev, frameable });
  // For browsers without frame-ancestors; the embeddable player sends none so any site may frame it.
  if (!frameable) headers["X-Frame-Options"] = "DENY";
  return headers;
}

/** 128 random bits, base64: unguessable, and valid in a CSP nonce-source. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
