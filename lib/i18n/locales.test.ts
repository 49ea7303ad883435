import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "./locales";

describe("locale choice", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,zh;q=0.5,en;q=0.4", "zh-CN"],
    ["fr-FR,en;q=0.5,zh;q=0.4", "en"],
    ["de", "en"],
    ["", "en"],
    ["zh;q=0", "en"],
  ])("Accept-Language %j gives %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("keeps a saved choice over the browser's languages", () => {
    expect(resolveLocale("en", "zh-CN")).toBe("en");
    expect(resolveLocale("zh-CN", "en-US")).toBe("zh-CN");
    expect(resolveLocale("klingon", "zh-CN")).toBe("zh-CN");
  });
});
