/** The proxy steps that put the security headers on: small pieces, so proxy.ts can compose them with others. */
import { NextResponse, type NextRequest } from "next/server";
import { CSP_HEADER, isPagePath, newNonce, securityHeaders } from "./security-headers";

/** The headers this request's response must carry (lib/server/security-headers.ts has the policy). */
export function securityHeadersFor(request: NextRequest): Record<string, string> {
  const { pathname } = request.nextUrl;
  return securityHeaders({
    pathname,
    nonce: isPagePath(pathname) ? newNonce() : "",
    publicBaseUrl: process.env.PUBLIC_BASE_URL,
    dev: process.env.NODE_ENV === "development",
  });
}

/** Copies `headers` onto a response: also usable on a response another proxy step answers early. */
export function withHeaders<T extends Response>(response: T, headers: Record<string, string>): T {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Passes the request on. The CSP also goes on the request: Next reads the nonce from it and puts it
 * on its own scripts while rendering the page.
 */
export function continueWithHeaders(request: NextRequest, headers: Record<string, string>): NextResponse {
  const requestHeaders = new Headers(request.headers);
  const policy = headers[CSP_HEADER];
  if (policy) requestHeaders.set(CSP_HEADER, policy);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}
