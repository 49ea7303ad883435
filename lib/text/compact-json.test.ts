import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64Bytes, formatCompactJson, isFoldable, tokensText } from "./compact-json";

const text = (value: unknown, expanded?: Set<string>) => tokensText(formatCompactJson(value, { expanded }));
const png = "iVBORw0KGgo" + "A".repeat(163_989) + "=";

describe("formatCompactJson", () => {
  it("puts a 77-point trajectory on one line and keeps the rest indented", () => {
    const trajectories = Array.from({ length: 77 }, (_, i) => ({ x: i, y: 100 - i }));
    const lines = text({ model_name: "kling-v1", dynamic_masks: [{ mask: "AAAA", trajectories }] }).split("\n");
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe("{");
    expect(lines[1]).toBe('  "model_name": "kling-v1",');
    expect(lines[4]).toBe('      "mask": "AAAA",');
    expect(lines[5]).toMatch(/^ {6}"trajectories": \[\{"x": 0, "y": 100\}, \{"x": 1, "y": 99\}, .*, \{"x": 76, "y": 24\}\]$/);
  });

  it("writes a short flat object on one line and a long one over several", () => {
    expect(text({ camera_control: { type: "simple", config: { horizontal: 0, zoom: 5 } } })).toBe(
      ['{', '  "camera_control": {', '    "type": "simple",', '    "config": {"horizontal": 0, "zoom": 5}', "  }", "}"].join("\n"),
    );
    const long = { a: "x".repeat(40), b: "y".repeat(40) };
    expect(text(long).split("\n")).toHaveLength(4);
  });

  it("folds long base64 to its start and size, unless its path is expanded", () => {
    const body = { image: png, dynamic_masks: [{ mask: png }], prompt: "A".repeat(80) + " not base64" };
    const tokens = formatCompactJson(body);
    const folds = tokens.filter((token) => token.kind === "fold");
    expect(folds.map((fold) => [fold.path, fold.text])).toEqual([
      ["image", '"iVBORw0KGgoA…(123 kB)"'],
      ["dynamic_masks[0].mask", '"iVBORw0KGgoA…(123 kB)"'],
    ]);
    const expanded = new Set(["dynamic_masks[0].mask"]);
    expect(formatCompactJson(body, { expanded }).filter((token) => token.kind === "unfold").map((token) => token.path)).toEqual(["dynamic_masks[0].mask"]);
    const open = JSON.parse(text(body, expanded)) as typeof body;
    expect(open.dynamic_masks[0]!.mask).toBe(png);
    expect(open.image).toBe("iVBORw0KGgoA…(123 kB)");
    expect(open.prompt).toBe(body.prompt);
  });

  it("gives valid JSON equal to the value when nothing folds, for any JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const written = text(value, undefined);
        const parsed: unknown = JSON.parse(written);
        // Only strings of 64+ base64 characters fold, which arbitrary strings almost never are.
        if (!written.includes("…(")) expect(parsed).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("is still valid JSON with folds in it", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ mask: fc.constant("iVBORw0KGgo" + "A".repeat(200)), trajectories: fc.array(fc.record({ x: fc.integer(), y: fc.integer() }), { minLength: 2 }) })), (groups) => {
        expect(() => JSON.parse(text({ dynamic_masks: groups }))).not.toThrow();
      }),
    );
  });
});

describe("base64 helpers", () => {
  it.each([
    ["AAAA", 3],
    ["AAA=", 2],
    ["AA==", 1],
  ])("%s decodes to %i bytes", (value, bytes) => expect(base64Bytes(value)).toBe(bytes));

  it.each([
    ["QUJD".repeat(100), '"QUJDQUJDQUJD…(300 B)"'],
    ["QUJD".repeat(500_000), '"QUJDQUJDQUJD…(1.5 MB)"'],
    ["https://example.com/frame.png", '"https://example.com/frame.png"'],
  ])("writes %# as %s", (value, written) => expect(text(value)).toBe(written));

  it("folds only long base64", () => {
    expect(isFoldable("A".repeat(63))).toBe(false);
    expect(isFoldable("A".repeat(64))).toBe(true);
    expect(isFoldable("https://example.com/" + "a".repeat(64))).toBe(false);
  });
});
