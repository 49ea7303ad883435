import { describe, expect, it } from "vitest";
import { klingCreateRequestSchema, withoutNullFields } from "./wire-schema";

const BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

describe("withoutNullFields", () => {
  it("drops null properties at every depth and keeps array items", () => {
    expect(withoutNullFields({ a: null, b: { c: null, d: 1 }, e: [null, { f: null }] })).toEqual({ b: { d: 1 }, e: [null, {}] });
    expect(withoutNullFields(null)).toBeNull();
  });
});

describe("klingCreateRequestSchema with nulls", () => {
  it("parses a body with nulls as the same body without them", () => {
    const parsed = klingCreateRequestSchema.parse({ image: BASE64, image_tail: null, camera_control: { type: "simple", config: { zoom: 2, pan: null } }, duration: null });
    expect(parsed).toEqual({ image: BASE64, camera_control: { type: "simple", config: { zoom: 2 } } });
  });

  it.each([
    [{ image: BASE64, duration: 5 }, "duration"],
    [{ image: BASE64, voice_list: [null] }, "voice_list.0"],
    [{ image: BASE64, multi_shot: true }, "multi_shot"],
  ])("still refuses %j at %s", (body, path) => {
    const parsed = klingCreateRequestSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join(".")).toBe(path);
  });
});
