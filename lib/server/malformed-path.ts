import { NextResponse } from "next/server";

/** The first path segment that is not valid percent-encoded UTF-8 (`%ff`, `%E0%A4%A`), or null. */
export function malformedSegment(pathname: string): string | null {
  if (!pathname.includes("%")) return null;
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

/**
 * The answer to a path with a malformed percent-escape, or null for a good path. Next decodes dynamic
 * segments while matching a route and answers such paths with a 500 (or an HTML error page); every
 * route, page or API, answers the public JSON error body instead.
 */
export function refuseMalformedPath(pathname: string): NextResponse | null {
  const segment = malformedSegment(pathname);
  if (segment === null) return null;
  const shown = segment.length > 40 ? `${segment.slice(0, 40)}…` : segment;
  return NextResponse.json(
    { error: { code: "invalid-path", message: `path: the segment "${shown}" is not valid percent-encoded UTF-8`, field: "path" } },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}
