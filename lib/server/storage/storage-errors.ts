import "server-only";

const FULL = new Set(["ENOSPC", "EDQUOT", "SQLITE_FULL"]);
const READ_ONLY = new Set(["EROFS", "SQLITE_READONLY"]);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  // Database drivers and Kysely wrap the filesystem's error; look a few causes deep.
  for (let current = error, depth = 0; typeof current === "object" && current !== null && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string") codes.push(code);
    current = cause;
  }
  return codes;
}

/**
 * The sentence for a write the disk refused (full, over quota, read-only), or null for any other
 * error. Writers use a temporary file and a rename, so a refused write leaves nothing half-written.
 */
export function storageFailureMessage(error: unknown): string | null {
  const codes = codesOf(error);
  if (codes.some((code) => FULL.has(code))) {
    return "The server's storage is full, so nothing was saved; try again once an administrator has freed disk space.";
  }
  if (codes.some((code) => READ_ONLY.has(code))) {
    return "The server's storage is read-only, so nothing was saved; an administrator must check the data directory.";
  }
  return null;
}
