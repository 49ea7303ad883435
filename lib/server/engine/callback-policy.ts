/**
 * Where the engine may POST task callbacks. A client chooses callback_url, so without a limit the engine
 * would send requests anywhere on its network for anyone holding a key. Allowed: loopback, the app's
 * own public host and hosts the operator lists (ENGINE_CALLBACK_HOSTS). Names are compared as written,
 * never resolved: the check is about what the client asked for, and redirects are not followed.
 */
export type CallbackPolicy = (url: string) => boolean;

const IPV4_LOOPBACK = /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || IPV4_LOOPBACK.test(hostname);
}

/** `hosts`: host names (any port) or host:port pairs (that port only), case-insensitive. */
export function createCallbackPolicy(hosts: readonly string[] = []): CallbackPolicy {
  const allowed = new Set(hosts.map((host) => host.trim().toLowerCase()).filter(Boolean));
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
    return isLoopbackHost(parsed.hostname) || allowed.has(parsed.hostname) || allowed.has(parsed.host);
  };
}

/** The hosts of the app's own public address and of ENGINE_CALLBACK_HOSTS. */
export function callbackHosts(publicBaseUrl: string | undefined, listed: readonly string[]): string[] {
  return publicBaseUrl ? [new URL(publicBaseUrl).hostname, ...listed] : [...listed];
}
