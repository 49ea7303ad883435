import type { NextRequest, NextResponse } from "next/server";
import { refuseMalformedPath } from "@/lib/server/malformed-path";
import { continueWithHeaders, securityHeadersFor, withHeaders } from "@/lib/server/security-proxy";

// No matcher: static files and API answers need nosniff (and HSTS) too. next.config.ts raises the
// proxy's body limit, since every request, uploads included, passes through here.
export function proxy(request: NextRequest): NextResponse {
  const headers = securityHeadersFor(request);
  const refused = refuseMalformedPath(request.nextUrl.pathname);
  return refused ? withHeaders(refused, headers) : continueWithHeaders(request, headers);
}
