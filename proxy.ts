import type { NextRequest, NextResponse } from "next/server";
import { refuseMalformedPath } from "@/lib/server/malformed-path";
import { continueWithHeaders, securityHeadersFor, withHeaders } from "@/lib/server/security-proxy";

// Static files and API answers need nosniff (and HSTS) too, so almost every path passes through here;
// next.config.ts raises the proxy's body limit for uploads. The preview engine is left out (but for
// malformed escapes): Next buffers a proxied body, which would defeat the engine's streaming cap, so
// its handler adds the same headers itself.
export function proxy(request: NextRequest): NextResponse {
  const headers = securityHeadersFor(request);
  const refused = refuseMalformedPath(request.nextUrl.pathname);
  return refused ? withHeaders(refused, headers) : continueWithHeaders(request, headers);
}

export const config = { matcher: ["/((?!engine/).*)", "/engine/:path(.*%.*)"] };
