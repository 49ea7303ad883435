import type { NextRequest, NextResponse } from "next/server";
import { continueWithHeaders, securityHeadersFor } from "@/lib/server/security-proxy";

// No matcher: static files and API answers need nosniff (and HSTS) too.
export function proxy(request: NextRequest): NextResponse {
  return continueWithHeaders(request, securityHeadersFor(request));
}
