import { describe, expect, it } from "vitest";
import { fixTransform, frameProblems, nearestAllowedCrop, planFrame } from "@/lib/editor/image-fix";
import { fittedNote, fixedNote, frameNoteText, problemText, uploadErrorText } from "./frame-text";
import { EN, ZH } from "./test-translators";

describe("problemText", () => {
  it.each([
    [{ width: 3000, height: 1000 }, ["The image is 3000 × 1000 (3:1); Kling accepts aspect ratios from 1:2.5 to 2.5:1."]],
    [{ width: 200, height: 250 }, ["The image is 200 × 250; each side must be at least 300 px."]],
    [
      { width: 100, height: 400 },
      ["The image is 100 × 400 (1:4); Kling accepts aspect ratios from 1:2.5 to 2.5:1.", "The image is 100 × 400; each side must be at least 300 px."],
    ],
  ])("says in English what is wrong with %j", (size, english) => {
    expect(frameProblems(size).map((p) => problemText(p, size, EN))).toEqual(english);
  });

  it("says it in Chinese", () => {
    const size = { width: 3000, height: 1000 };
    expect(problemText(frameProblems(size)[0]!, size, ZH)).toBe("图片尺寸为 3000 × 1000（3:1），可灵仅支持 1:2.5 到 2.5:1 的宽高比。");
  });
});

describe("frameNoteText", () => {
  it.each([
    [{ width: 640, height: 640 }, { width: 960, height: 540 }, "Fitted from 640 × 640 to the start frame's 960 × 540, keeping the centre 640 × 360."],
    [{ width: 960, height: 540 }, { width: 1920, height: 1080 }, "Fitted from 960 × 540 to the start frame's 1920 × 1080."],
    [{ width: 2000, height: 1000 }, { width: 1000, height: 1000 }, "Fitted from 2000 × 1000 to the start frame's 1000 × 1000, keeping the centre 1000 × 1000."],
  ])("a fitted tail frame in English (%j → %j)", (size, target, english) => {
    const plan = planFrame(size, target);
    if (plan.action !== "fit") throw new Error("expected a fit");
    expect(frameNoteText(fittedNote(size, plan.transform), EN)).toBe(english);
  });

  it("a fitted tail frame in Chinese", () => {
    const size = { width: 640, height: 640 };
    const plan = planFrame(size, { width: 960, height: 540 });
    if (plan.action !== "fit") throw new Error("expected a fit");
    expect(frameNoteText(fittedNote(size, plan.transform), ZH)).toBe("已从 640 × 640 适配为起始帧的 960 × 540，保留中间的 640 × 360。");
  });

  it.each([
    // Crop only, upscale only, both, neither.
    [{ width: 3000, height: 1000 }, true, "Cropped to 2500 × 1000.", "已裁剪为 2500 × 1000。"],
    [{ width: 400, height: 200 }, false, "Upscaled to 600 × 300.", "已放大到 600 × 300。"],
    [{ width: 800, height: 200 }, true, "Cropped to 500 × 200, then upscaled to 750 × 300.", "已裁剪为 500 × 200，再放大到 750 × 300。"],
  ] as const)("the one-click fix of %j", (size, crop, english, chinese) => {
    const box = crop ? nearestAllowedCrop(size) : null;
    const note = fixedNote(size, box, fixTransform(box ?? { x: 0, y: 0, ...size }).output);
    expect(note).not.toBeNull();
    expect(frameNoteText(note!, EN)).toBe(english);
    expect(frameNoteText(note!, ZH)).toBe(chinese);
  });

  it("has nothing to say when the fix changed nothing", () => {
    const size = { width: 800, height: 600 };
    expect(fixedNote(size, null, size)).toBeNull();
  });
});

describe("uploadErrorText", () => {
  it.each([
    [{ kind: "not-image", name: "notes.txt", type: "text/plain" }, "“notes.txt” is not an image (text/plain). Choose a JPEG or PNG.", "“notes.txt”不是图片（text/plain），请选择 JPEG 或 PNG。"],
    [{ kind: "image", reason: "decode" }, "This file could not be read as an image. Use a JPEG or PNG.", "无法将此文件读取为图片，请使用 JPEG 或 PNG。"],
    [{ kind: "api", code: "image-too-small", message: "the image is 200 × 250; each side must be at least 300 px" }, "the image is 200 × 250; each side must be at least 300 px", "图片太小，每边至少需要 300 像素。"],
    [{ kind: "unknown" }, "Something went wrong while reading the image.", "读取图片时出错。"],
  ] as const)("%j", (error, english, chinese) => {
    expect(uploadErrorText(error, EN)).toBe(english);
    expect(uploadErrorText(error, ZH)).toBe(chinese);
  });
});
