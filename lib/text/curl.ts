/**
 * "Copy as curl" for the request view. The key is always the `$KLING_API_KEY` shell variable and the
 * host `$KLING_API_BASE_URL`, so a copied command never carries a secret and works for Kling direct
 * (with a JWT in the variable) and for DMXAPI (base URL ending in /kling).
 */

/** POSIX single-quoting: the only character that needs care inside '…' is ' itself. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export const CREATE_TASK_PATH = "/v1/videos/image2video";

export function toCurl(body: unknown): string {
  return [
    `curl -X POST "$KLING_API_BASE_URL${CREATE_TASK_PATH}"`,
    `  -H "Authorization: Bearer $KLING_API_KEY"`,
    `  -H "Content-Type: application/json"`,
    `  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
  ].join(" \\\n");
}
