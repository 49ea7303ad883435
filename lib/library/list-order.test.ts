import { describe, expect, it } from "vitest";
import { containsPattern, decodeCursor, encodeCursor, searchSchema } from "./list-order";

describe("cursors", () => {
  it("round-trip keys that contain the separator", () => {
    for (const key of ["2026-12-01T10:00:00.000Z", "0a|b|c", "1", ""]) expect(decodeCursor(encodeCursor(key, "tsk_abc"))).toEqual({ key, id: "tsk_abc" });
  });

  it("keep the newest-first form created_at|id", () => {
    expect(encodeCursor("2026-12-01T10:00:00.000Z", "tsk_1")).toBe("2026-12-01T10:00:00.000Z|tsk_1");
  });

  it("ignore cursors without an id", () => {
    expect(decodeCursor("no-separator")).toBeUndefined();
    expect(decodeCursor("key|")).toBeUndefined();
    expect(decodeCursor(undefined)).toBeUndefined();
  });
});

describe("search", () => {
  it("collapses whitespace and treats blank as no search", () => {
    expect(searchSchema.parse("  red   kite ")).toBe("red kite");
    expect(searchSchema.parse("   ")).toBeUndefined();
    expect(searchSchema.safeParse("x".repeat(101)).success).toBe(false);
  });

  it("takes LIKE's wildcards literally", () => {
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
