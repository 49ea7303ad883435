import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as H from "./history";

describe("history", () => {
  it("undoes and redoes single commits in order", () => {
    let h = H.createHistory(0);
    h = H.commit(h, 1, { now: 0 });
    h = H.commit(h, 2, { now: 5000 });
    expect(h.present).toBe(2);
    h = H.undo(h);
    expect(h.present).toBe(1);
    h = H.undo(h);
    expect(h.present).toBe(0);
    expect(H.canUndo(h)).toBe(false);
    h = H.redo(h);
    expect(h.present).toBe(1);
    expect(H.canRedo(h)).toBe(true);
  });

  it("drops the redo branch on a new commit", () => {
    let h = H.commit(H.commit(H.createHistory("a"), "b"), "c");
    h = H.undo(h);
    h = H.commit(h, "d");
    expect(H.canRedo(h)).toBe(false);
    expect(H.undo(h).present).toBe("b");
  });

  it("ignores a commit that changes nothing", () => {
    const h = H.createHistory({ v: 1 });
    expect(H.commit(h, h.present)).toBe(h);
  });

  it("records one entry per gesture, however many moves", () => {
    let h = H.createHistory(0);
    h = H.beginGesture(h);
    for (let i = 1; i <= 50; i++) h = H.commit(h, i, { now: i * 10_000 });
    h = H.endGesture(h);
    expect(h.present).toBe(50);
    expect(h.past).toEqual([0]);
    expect(H.undo(h).present).toBe(0);
  });

  it("records nothing for a gesture that changed nothing", () => {
    const h = H.endGesture(H.beginGesture(H.createHistory(0)));
    expect(h.past).toEqual([]);
  });

  it("cancelling a gesture restores the state it began from", () => {
    let h = H.commit(H.createHistory(0), 1);
    h = H.beginGesture(h);
    h = H.commit(h, 7);
    h = H.cancelGesture(h);
    expect(h.present).toBe(1);
    expect(h.past).toEqual([0]);
  });

  it("undo during an open gesture closes it first", () => {
    let h = H.beginGesture(H.createHistory(0));
    h = H.commit(h, 3);
    expect(H.canUndo(h)).toBe(true);
    h = H.undo(h);
    expect(h.present).toBe(0);
    expect(h.gestureBase).toBeNull();
  });

  it.each([
    { label: "same key, close together", keys: ["p", "p", "p"], times: [0, 400, 800], entries: 1 },
    { label: "same key, long pause", keys: ["p", "p"], times: [0, 5000], entries: 2 },
    { label: "different keys", keys: ["p", "q", "p"], times: [0, 10, 20], entries: 3 },
    { label: "no key", keys: [undefined, undefined], times: [0, 10], entries: 2 },
  ])("coalescing: $label", ({ keys, times, entries }) => {
    let h = H.createHistory(0);
    keys.forEach((key, i) => {
      h = H.commit(h, i + 1, { coalesceKey: key, now: times[i] });
    });
    expect(h.past.length).toBe(entries);
    expect(h.past[0]).toBe(0);
  });

  it("breakCoalescing starts a fresh entry for the same key", () => {
    let h = H.commit(H.createHistory(0), 1, { coalesceKey: "k", now: 0 });
    h = H.breakCoalescing(h);
    h = H.commit(h, 2, { coalesceKey: "k", now: 10 });
    expect(h.past).toEqual([0, 1]);
  });

  it("keeps at most HISTORY_LIMIT entries", () => {
    let h = H.createHistory(0);
    for (let i = 1; i <= H.HISTORY_LIMIT + 20; i++) h = H.commit(h, i);
    expect(h.past.length).toBe(H.HISTORY_LIMIT);
    expect(h.past.at(-1)).toBe(H.HISTORY_LIMIT + 19);
  });

  it("undo all then redo all returns to the same present (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 40 }), (values) => {
        let h = H.createHistory(Number.NaN);
        for (const v of values) h = H.commit(h, v);
        const end = h.present;
        while (H.canUndo(h)) h = H.undo(h);
        expect(Number.isNaN(h.present)).toBe(true);
        while (H.canRedo(h)) h = H.redo(h);
        expect(h.present).toBe(end);
      }),
    );
  });
});
