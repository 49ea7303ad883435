import { describe, expect, it } from "vitest";
import { formatBytes, formatTimecode, mimeLabel, readyVerdict } from "./format";
import { EN, ZH } from "./test-translators";

describe("format", () => {
  it.each([
    [512, "512 B"],
    [412_000, "412 kB"],
    [1_234_567, "1.2 MB"],
    [10_000_000, "10 MB"],
  ])("formatBytes(%d) = %s", (bytes, want) => {
    expect(formatBytes(bytes)).toBe(want);
  });

  it.each([
    ["image/jpeg", "JPEG"],
    ["image/png", "PNG"],
    ["image/webp", "WEBP"],
  ])("mimeLabel(%s) = %s", (mime, want) => {
    expect(mimeLabel(mime)).toBe(want);
  });

  it("writes the verdict like a spec sheet", () => {
    expect(readyVerdict({ width: 1920, height: 1080 }, { mime: "image/jpeg", bytes: 412_000 }, EN)).toBe("1920 × 1080 JPEG, 412 kB — ready");
    expect(readyVerdict({ width: 800, height: 600 }, undefined, EN)).toBe("800 × 600 — ready");
    expect(readyVerdict({ width: 1920, height: 1080 }, { mime: "image/png", bytes: 1_234_567 }, ZH)).toBe("1920 × 1080 PNG，1.2 MB — 已就绪");
  });

  it("never groups the digits of a size", () => {
    expect(readyVerdict({ width: 12000, height: 4800 }, undefined, EN)).toBe("12000 × 4800 — ready");
  });

  it.each([
    [0, "0:00.00"],
    [4.266, "0:04.27"],
    [65.5, "1:05.50"],
    [Number.NaN, "0:00.00"],
  ])("formatTimecode(%d) = %s", (seconds, want) => {
    expect(formatTimecode(seconds)).toBe(want);
  });
});
