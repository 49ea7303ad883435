import "server-only";

/**
 * The client's address for throttling: the right-most X-Forwarded-For entry, the one added by the
 * proxy nearest to us (Next.js fills the header from the socket when no proxy set it). Entries further
 * left were written by the client and may be forged.
 */
export function clientAddress(headers: Headers | undefined): string | null {
  const forwarded = headers?.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? headers?.get("x-real-ip") ?? null;
}
