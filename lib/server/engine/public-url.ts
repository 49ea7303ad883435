import "server-only";

/** A Host value: a DNS name, IPv4 or bracketed IPv6 address, with an optional port. Nothing else. */
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function firstValue(request: Request, name: string): string | undefined {
  return request.headers.get(name)?.split(",")[0]?.trim() || undefined;
}

/**
 * `scheme://host[:port]` as the client called it, so the URLs the engine hands out work from wherever
 * the client sits. Next builds `request.url` from its own listening address (localhost:PORT), hence the
 * Host header; X-Forwarded-Host/-Proto are believed only behind a proxy the operator vouches for
 * (TRUST_PROXY=1), since any client can send them. A malformed value is ignored, never echoed.
 */
export function calledOrigin(request: Request, trustProxy: boolean): string {
  const url = new URL(request.url);
  const hosts = [trustProxy ? firstValue(request, "x-forwarded-host") : undefined, firstValue(request, "host")];
  const host = hosts.find((value) => value !== undefined && HOST_PATTERN.test(value)) ?? url.host;
  const forwardedProto = trustProxy ? firstValue(request, "x-forwarded-proto")?.toLowerCase() : undefined;
  const scheme = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : url.protocol.slice(0, -1);
  return `${scheme}://${host.toLowerCase()}`;
}

/** ENGINE_PUBLIC_URL without a trailing slash, or the called origin followed by the engine's base path. */
export function engineBaseUrl(origin: string, basePath: string, publicUrl: string | undefined): string {
  return publicUrl ? publicUrl.replace(/\/+$/, "") : `${origin}${basePath}`;
}
