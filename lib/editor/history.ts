/**
 * Undo history over immutable snapshots. Commands return new documents with structural sharing, so
 * keeping whole snapshots is cheap and makes undo exact (no inverse operations to get wrong).
 *
 * One entry per user intent:
 * - a gesture (pointer down → up) opens with `beginGesture`; every change inside it replaces the
 *   present without a new entry; `endGesture` pushes the pre-gesture snapshot once;
 * - a coalescing key (slider drag, typing in a field) merges consecutive changes with the same key
 *   that arrive within `COALESCE_MS` of each other.
 */

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export type History<T> = {
  past: T[];
  present: T;
  future: T[];
  /** The snapshot before the open gesture, or null when no gesture is open. */
  gestureBase: T | null;
  lastKey: string | null;
  lastAt: number;
};

export type CommitOptions = { coalesceKey?: string; now?: number };

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], gestureBase: null, lastKey: null, lastAt: 0 };
}

function pushPast<T>(past: T[], entry: T): T[] {
  const next = past.length >= HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT + 1) : past.slice();
  next.push(entry);
  return next;
}

/** Records `next` as the new present. A no-op change (same reference) records nothing. */
export function commit<T>(h: History<T>, next: T, options: CommitOptions = {}): History<T> {
  if (next === h.present) return h;
  if (h.gestureBase !== null) return { ...h, present: next, future: [] };
  const now = options.now ?? 0;
  const key = options.coalesceKey ?? null;
  const merge = key !== null && key === h.lastKey && now - h.lastAt <= COALESCE_MS && h.past.length > 0;
  return {
    past: merge ? h.past : pushPast(h.past, h.present),
    present: next,
    future: [],
    gestureBase: null,
    lastKey: key,
    lastAt: now,
  };
}

export function beginGesture<T>(h: History<T>): History<T> {
  if (h.gestureBase !== null) return h;
  return { ...h, gestureBase: h.present, lastKey: null };
}

/** Closes the gesture: one undo entry if anything changed, none otherwise. */
export function endGesture<T>(h: History<T>): History<T> {
  const base = h.gestureBase;
  if (base === null) return h;
  if (base === h.present) return { ...h, gestureBase: null };
  return { ...h, past: pushPast(h.past, base), gestureBase: null, lastKey: null };
}

/** Abandons the gesture (Escape, pointer cancel): the document goes back to where it began. */
export function cancelGesture<T>(h: History<T>): History<T> {
  if (h.gestureBase === null) return h;
  return { ...h, present: h.gestureBase, gestureBase: null };
}

/** Ends any merge run, so the next keyed change starts a fresh entry (field blur, slider release). */
export function breakCoalescing<T>(h: History<T>): History<T> {
  return h.lastKey === null ? h : { ...h, lastKey: null };
}

export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0 || (h.gestureBase !== null && h.gestureBase !== h.present);
}

export function canRedo<T>(h: History<T>): boolean {
  return h.future.length > 0 && h.gestureBase === null;
}

export function undo<T>(h: History<T>): History<T> {
  const closed = endGesture(h);
  const previous = closed.past.at(-1);
  if (previous === undefined) return closed;
  return {
    past: closed.past.slice(0, -1),
    present: previous,
    future: [closed.present, ...closed.future],
    gestureBase: null,
    lastKey: null,
    lastAt: 0,
  };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.gestureBase !== null) return h;
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: pushPast(h.past, h.present), present: next, future: rest, gestureBase: null, lastKey: null, lastAt: 0 };
}

/** Replaces the present and forgets history (a new document was opened). */
export function reset<T>(present: T): History<T> {
  return createHistory(present);
}
