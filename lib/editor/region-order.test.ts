import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexAfterMove, moveItem } from "./region-order";

describe("region order", () => {
  it("moves one item and closes up the rest", () => {
    expect(moveItem(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(["a", "b", "c", "d"], 3, 1)).toEqual(["a", "d", "b", "c"]);
    expect(moveItem(["a", "b"], 0, 5)).toEqual(["a", "b"]);
  });

  it("indexAfterMove says where every item went (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(n - 1))), ([n, from, to]) => {
        const items = Array.from({ length: n }, (_, i) => i);
        const moved = moveItem(items, from, to);
        for (const i of items) expect(moved[indexAfterMove(i, from, to)]).toBe(i);
      }),
    );
  });
});
