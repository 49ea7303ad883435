import { describe, expect, it } from "vitest";
import { EN, ZH } from "./test-translators";
import { joinList, showsServerText } from "./translator";

describe("joinList", () => {
  it.each([
    [[], "and", "", ""],
    [["a"], "and", "a", "a"],
    [["a", "b"], "or", "a or b", "a或b"],
    [["a", "b", "c"], "and", "a, b and c", "a、b和c"],
  ] as const)("%j %s", (items, word, english, chinese) => {
    expect(joinList(items, word, EN)).toBe(english);
    expect(joinList(items, word, ZH)).toBe(chinese);
  });
});

describe("showsServerText", () => {
  it("is true for English only: the server writes English", () => {
    expect(showsServerText(EN)).toBe(true);
    expect(showsServerText(ZH)).toBe(false);
  });
});
