import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { tokenizeJson } from "./json-tokens";

describe("tokenizeJson", () => {
  it("labels keys, strings, numbers and literals", () => {
    const tokens = tokenizeJson(JSON.stringify({ a: "x\"y", b: -1.5e3, c: [true, null] }, null, 2)).filter((t) => t.kind !== "space");
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ["punctuation", "{"],
      ["key", '"a"'],
      ["punctuation", ":"],
      ["string", '"x\\"y"'],
      ["punctuation", ","],
      ["key", '"b"'],
      ["punctuation", ":"],
      ["number", "-1500"],
      ["punctuation", ","],
      ["key", '"c"'],
      ["punctuation", ":"],
      ["punctuation", "["],
      ["literal", "true"],
      ["punctuation", ","],
      ["literal", "null"],
      ["punctuation", "]"],
      ["punctuation", "}"],
    ]);
  });

  it("joining the tokens gives the text back, for any JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2) ?? "null";
        expect(tokenizeJson(text).map((t) => t.text).join("")).toBe(text);
      }),
    );
  });
});
