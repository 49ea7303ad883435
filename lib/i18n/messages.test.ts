import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// The ICU parser next-intl itself uses (through intl-messageformat), so "parses here" = "renders there".
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { describeBusinessCode } from "@/lib/kling/errors";
import en from "./messages/en.json";
import zh from "./messages/zh-CN.json";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

/** Argument names and rich-text tags a message uses, in any branch. */
function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    out.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
    if (element.type === TYPE.tag) placeholders(element.children, out);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) placeholders(option.value, out);
    }
  }
  return out;
}

const flatEn = flatten(en);
const flatZh = flatten(zh);

describe("message catalogues", () => {
  it("have exactly the same keys in English and Chinese", () => {
    const enKeys = Object.keys(flatEn).sort();
    const zhKeys = Object.keys(flatZh).sort();
    expect(zhKeys.filter((key) => !(key in flatEn)), "only in zh-CN.json").toEqual([]);
    expect(enKeys.filter((key) => !(key in flatZh)), "only in en.json").toEqual([]);
  });

  it.each(Object.keys(flatEn))("%s has the same ICU placeholders in both languages", (key) => {
    const want = [...placeholders(parse(flatEn[key] ?? ""))].sort();
    expect([...placeholders(parse(flatZh[key] ?? ""))].sort()).toEqual(want);
  });

  it("has no empty message", () => {
    for (const [key, value] of [...Object.entries(flatEn), ...Object.entries(flatZh)]) expect(value.trim(), key).not.toBe("");
  });
});

function source(...parts: string[]): string {
  return readFileSync(join(ROOT, ...parts), "utf8");
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => source(dir, file));
}

describe("every server code has words", () => {
  it("every contract rule of lib/kling/rules.ts", () => {
    const codes = [...source("lib/kling/rules.ts").matchAll(/issue\([^,]+, "([a-z-]+)"/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(15);
    expect(codes.filter((code) => !(`rules.${code}` in flatEn))).toEqual([]);
  });

  it("every Kling business code, in the English lib/kling/errors.ts writes", () => {
    const codes = [...source("lib/kling/errors.ts").matchAll(/^\s+(\d{4}): \{/gm)].map((m) => m[1] ?? "");
    expect(codes).toHaveLength(21);
    for (const code of codes) expect(flatEn[`klingCodes.${code}`], code).toBe(describeBusinessCode(Number(code)).message);
  });

  it("every error code the server answers with", () => {
    const files = [...sourcesUnder("lib/server"), ...sourcesUnder("app/api"), source("lib/kling/errors.ts"), source("lib/browser/api.ts")];
    const found = files.flatMap((text) => [...text.matchAll(/(?:AppError|ApiError)\("([a-z-]+)"|code: "([a-z-]+)"/g)].map((m) => m[1] ?? m[2] ?? ""));
    // "custom" is a zod issue code in env.ts (start-up config), never an error body.
    const codes = new Set(found.filter((code) => code !== "custom"));
    expect(codes.size).toBeGreaterThan(20);
    expect([...codes].filter((code) => !(`apiErrors.${code}` in flatEn) && !(`taskMessages.${code}` in flatEn))).toEqual([]);
  });
});
