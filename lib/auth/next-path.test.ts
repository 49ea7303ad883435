import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/library?status=failed", "/library?status=failed"],
    ["/", "/"],
    [undefined, "/"],
    ["", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it("takes the first of repeated parameters", () => {
    expect(safeNextPath(["/account", "//evil"])).toBe("/account");
  });

  it("round-trips through the sign-in link", () => {
    const next = "/library?status=failed&provider=kling";
    expect(safeNextPath(new URL(signInPath(next), "http://x").searchParams.get("next"))).toBe(next);
  });
});
