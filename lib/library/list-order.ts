import * as z from "@/lib/validation/zod";

/**
 * How a task listing is ordered and searched: shared by `GET /api/tasks`, the library page's query
 * parameters and the store. Pure.
 */

export const TASK_SORTS = ["newest", "oldest", "title"] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export const SEARCH_MAX = 100;

/** A search as typed: whitespace collapsed; absent when blank. */
export const searchSchema = z.pipe(
  z.string().check(z.maxLength(SEARCH_MAX, { error: `must be at most ${SEARCH_MAX} characters` })),
  z.transform((value: string) => value.replace(/\s+/g, " ").trim() || undefined),
);

/**
 * A page cursor: the last row's sort key and id, as `key|id`. Ids never contain "|" (nanoid's
 * alphabet), so the key may: it is split at the last one. Newest-first cursors keep the `created_at|id`
 * form they always had.
 */
export function encodeCursor(key: string, id: string): string {
  return `${key}|${id}`;
}

export function decodeCursor(cursor: string | undefined): { key: string; id: string } | undefined {
  if (!cursor) return undefined;
  const split = cursor.lastIndexOf("|");
  if (split < 0) return undefined;
  const id = cursor.slice(split + 1);
  return id ? { key: cursor.slice(0, split), id } : undefined;
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
