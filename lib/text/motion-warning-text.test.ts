import { describe, expect, it } from "vitest";
import type { MotionWarning } from "@/lib/motion/warnings";
import { motionWarningText } from "./motion-warning-text";
import { EN, ZH } from "./test-translators";

const at = { x: 1, y: 2 };
const ALL: MotionWarning[] = [
  { kind: "path-enters-static", region: 0, at },
  { kind: "path-leaves-frame", region: 1, at },
  { kind: "regions-overlap", region: 0, other: 2, at },
  { kind: "region-overlaps-static", region: 3, at },
];

describe("motionWarningText", () => {
  it("names the regions and says what Kling will likely do, in English", () => {
    expect(ALL.map((w) => motionWarningText(w, EN))).toEqual([
      expect.stringMatching(/^Region 1's path runs into the static area\..*Kling keeps them still/),
      expect.stringMatching(/^Region 2's path leaves the frame\..*stop at the edge/),
      expect.stringMatching(/^Region 1 and Region 3 overlap\..*Kling will likely/),
      expect.stringMatching(/^Region 4 overlaps the static area\..*Kling will likely/),
    ]);
  });

  it("and in Chinese", () => {
    const texts = ALL.map((w) => motionWarningText(w, ZH));
    expect(texts[0]).toMatch(/^区域 1的轨迹进入了静态区域/);
    expect(texts[2]).toContain("区域 3");
    for (const text of texts) expect(text).toMatch(/Kling/);
    for (const text of texts) expect(text).not.toMatch(/[{}]/);
  });
});
