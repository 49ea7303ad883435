import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  elapsedSeconds,
  estimatedProgress,
  failureKind,
  failureKindOf,
  formatDuration,
  formatTypical,
  typicalSeconds,
} from "./task-status";
import { EN, ZH } from "./test-translators";

describe("elapsedSeconds", () => {
  const createdAt = "2025-01-01T00:00:00.000Z";
  it("counts from creation while running", () => {
    expect(elapsedSeconds({ status: "processing", createdAt, updatedAt: createdAt }, Date.parse(createdAt) + 42_900)).toBe(42);
  });
  it("freezes at the last update once ended", () => {
    const task = { status: "succeed" as const, createdAt, updatedAt: "2025-01-01T00:02:41.000Z" };
    expect(elapsedSeconds(task, Date.parse(createdAt) + 999_000)).toBe(161);
  });
  it("never goes negative with a skewed clock, and survives bad dates", () => {
    expect(elapsedSeconds({ status: "submitted", createdAt, updatedAt: createdAt }, Date.parse(createdAt) - 5000)).toBe(0);
    expect(elapsedSeconds({ status: "submitted", createdAt: "nope", updatedAt: "nope" }, 0)).toBe(0);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0:00"],
    [7, "0:07"],
    [161, "2:41"],
    [3725, "1:02:05"],
  ])("%d → %s", (seconds, want) => {
    expect(formatDuration(seconds)).toBe(want);
  });
});

describe("typical time", () => {
  it("is minutes for Kling and seconds for the preview", () => {
    expect(formatTypical(typicalSeconds("kling"), EN)).toBe("about 3 min");
    expect(formatTypical(typicalSeconds("preview"), EN)).toBe("a few seconds");
    expect(formatTypical(45, EN)).toBe("about 50 s");
  });

  it("is said in Chinese too", () => {
    expect(formatTypical(typicalSeconds("kling"), ZH)).toBe("约 3 分钟");
    expect(formatTypical(typicalSeconds("preview"), ZH)).toBe("几秒");
    expect(formatTypical(45, ZH)).toBe("约 50 秒");
  });
});

describe("estimatedProgress", () => {
  it("rises with time and never reaches 1", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(estimatedProgress(lo, 160)).toBeLessThanOrEqual(estimatedProgress(hi, 160) + 1e-12);
        expect(estimatedProgress(hi, 160)).toBeLessThan(1);
        expect(estimatedProgress(lo, 160)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("failureKind", () => {
  it.each([
    ["Failure to pass the risk control system", "moderation"],
    ["content-moderation: the image was flagged by the safety filter", "moderation"],
    ["upstream fault 5001: service temporarily unavailable", "upstream"],
    ["The request timed out", "upstream"],
    ["mask aspect ratio must equal the image's", "capability"],
    ["Motion brush needs kling-v1 (std or pro) or kling-v1-5 pro, at 5 s.", "capability"],
    ["something odd", "other"],
  ] as const)("%s → %s", (message, want) => {
    expect(failureKind(message)).toBe(want);
  });
});

describe("failureKindOf", () => {
  it.each([
    ["kling-1301", "", "moderation"],
    ["kling-1300", "", "moderation"],
    ["kling-1201", "The video service rejected one of the settings: camera_control", "capability"],
    ["kling-1103", "", "capability"],
    ["kling-5001", "", "upstream"],
    ["kling-1202", "", "upstream"],
    ["upstream-timeout", "", "upstream"],
    ["upstream-no-video", "", "upstream"],
    // Kling's free text decides for upstream-failed, and for tasks from before status codes.
    ["upstream-failed", "Failure to pass the risk control system", "moderation"],
    ["upstream-failed", "something odd", "other"],
    ["", "mask aspect ratio must equal the image's", "capability"],
  ] as const)("%s / %s → %s", (statusCode, statusMessage, want) => {
    expect(failureKindOf({ statusCode, statusMessage })).toBe(want);
  });
});
