import "server-only";

/** errno codes of a failed file operation: the disk, not the request, is at fault. */
const IO_CODES = new Set(["ENOSPC", "EDQUOT", "EIO", "EROFS", "EACCES", "EPERM", "ENOENT", "ENOTDIR", "EISDIR", "EMFILE", "ENFILE", "EBUSY"]);

function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && IO_CODES.has(code) ? code : undefined;
}

export function isIoFailure(error: unknown): boolean {
  return errnoCode(error) !== undefined;
}

/**
 * The task_status_msg for a task that `doing` ("render", "store the task") could not finish because of
 * `error`. A full disk is named as such — ffmpeg reports it only in its stderr text — and other I/O
 * failures by their errno code; anything else stays the generic render error. No paths: the message
 * reaches clients.
 */
export function failureMessage(doing: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = errnoCode(error);
  if (code === "ENOSPC" || code === "EDQUOT" || /no space left on device|disk quota exceeded/i.test(text)) {
    return `could not ${doing}: no space left on the engine's disk`;
  }
  if (code) return `could not ${doing}: I/O error (${code})`;
  return doing === "render" ? "internal render error" : `could not ${doing}: internal error`;
}
