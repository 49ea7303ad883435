import "server-only";

/**
 * libsql opens connections with no busy timeout, so a write that meets another process's write lock
 * fails at once with SQLITE_BUSY. The statements retried here are single atomic statements, so
 * running one again is safe; a few short waits ride out a concurrent writer.
 */
const WAITS_MS = [5, 20, 50, 100, 200, 400];

function isBusy(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: unknown }).code ?? ""} ${error.message}` : "";
  return /SQLITE_BUSY|database is locked/i.test(text);
}

export async function withBusyRetry<T>(run: () => Promise<T>): Promise<T> {
  for (const wait of WAITS_MS) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  return run();
}
