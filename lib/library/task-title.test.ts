import { describe, expect, it } from "vitest";
import { defaultTitle, displayTitle, TITLE_MAX, titlePatchSchema, titleToStore } from "./task-title";

describe("default titles", () => {
  it("are the prompt on one line", () => {
    expect(defaultTitle("  a kite\n rises   over the hill ")).toBe("a kite rises over the hill");
    expect(defaultTitle("")).toBe("");
    expect(defaultTitle(" \n ")).toBe("");
  });

  it("cut a long prompt at a word boundary, within the limit", () => {
    const prompt = "a footballer in a red shirt strikes the ball towards the top corner while the keeper dives the wrong way";
    const title = defaultTitle(prompt);
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(title.endsWith("…")).toBe(true);
    expect(prompt.startsWith(title.slice(0, -1))).toBe(true);
    expect(prompt[title.length - 1]).toBe(" ");
  });

  it("cut text without spaces mid-word rather than dropping it", () => {
    const title = defaultTitle("猫".repeat(200));
    expect(title).toBe(`${"猫".repeat(TITLE_MAX - 1)}…`);
  });
});

describe("title patches", () => {
  it("accept up to the limit, trimmed", () => {
    expect(titlePatchSchema.parse({ title: "  My cat  " })).toEqual({ title: "My cat" });
    expect(titlePatchSchema.parse({ title: "x".repeat(TITLE_MAX) }).title).toHaveLength(TITLE_MAX);
  });

  it("refuse more than the limit, a non-string and unknown fields, naming the field", () => {
    const long = titlePatchSchema.safeParse({ title: "x".repeat(TITLE_MAX + 1) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]).toMatchObject({ path: ["title"], message: `must be at most ${TITLE_MAX} characters` });
    expect(titlePatchSchema.safeParse({ title: 7 }).error?.issues[0]?.path).toEqual(["title"]);
    expect(titlePatchSchema.safeParse({}).success).toBe(false);
    expect(titlePatchSchema.safeParse({ title: "a", prompt: "b" }).success).toBe(false);
  });

  it("go back to the prompt's title when cleared", () => {
    expect(titleToStore({ title: "" }, "a cat yawns")).toBe("a cat yawns");
    expect(titleToStore({ title: "Sleepy" }, "a cat yawns")).toBe("Sleepy");
  });

  it("show the untitled word for an empty title", () => {
    expect(displayTitle({ title: "" }, "Untitled")).toBe("Untitled");
    expect(displayTitle({ title: "Cup" }, "Untitled")).toBe("Cup");
  });
});
