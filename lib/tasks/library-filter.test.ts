import { describe, expect, it } from "vitest";
import { libraryFilterSchema, libraryHref, statusesFor } from "./library-filter";

describe("library filters", () => {
  it("reads filters leniently and writes them back as the same query", () => {
    expect(libraryFilterSchema.parse({ status: "failed", provider: "kling" })).toEqual({ status: "failed", provider: "kling" });
    expect(libraryFilterSchema.parse({ status: "bogus", provider: ["a", "b"] })).toEqual({});
    expect(libraryHref({})).toBe("/library");
    expect(libraryHref({ status: "running", provider: "preview" })).toBe("/library?status=running&provider=preview");
    expect(statusesFor("running")).toEqual(["queued", "submitted", "processing"]);
    expect(statusesFor("succeed")).toEqual(["succeed"]);
    expect(statusesFor(undefined)).toBeUndefined();
  });
});
