/**
 * Reordering regions: the region at `from` moves to `to` and the rest close up. Regions keep their
 * colour and id (the meta moves along), so only their numbers (and keys 1–6) change. Pure.
 */

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return items.slice();
  const next = items.slice();
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** Where the region that was at `index` is after a move from `from` to `to`. */
export function indexAfterMove(index: number, from: number, to: number): number {
  if (index === from) return to;
  if (from < index && index <= to) return index - 1;
  if (to <= index && index < from) return index + 1;
  return index;
}
