/** Where to go after signing in: only a path on this site, never another origin (`//evil`, `https:`). */
export function safeNextPath(value: string | string[] | undefined | null, fallback = "/"): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

export function signInPath(next: string): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}
