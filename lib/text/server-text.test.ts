import { describe, expect, it } from "vitest";
import { describeBusinessCode } from "@/lib/kling/errors";
import { apiErrorText, taskMessageText } from "./server-text";
import { EN, ZH } from "./test-translators";

describe("apiErrorText", () => {
  it("keeps the server's English, with the field named for people", () => {
    expect(apiErrorText({ code: "asset-not-found", message: "startFrame: asset a1 does not exist; upload the image again", field: "startFrame" }, EN)).toBe(
      "Start frame: asset a1 does not exist; upload the image again",
    );
    expect(apiErrorText({ code: "no-such-code", message: "the server is busy" }, EN)).toBe("The server is busy");
    const budget = { code: "budget-exceeded", message: "This run needs about 3.5 units; you have 2 of 10 left this month.", detail: { limit: "member", units: 3.5, remaining: 2, budget: 10 } };
    expect(apiErrorText(budget, EN)).toBe(budget.message);
  });

  it.each([
    [{ code: "asset-not-found", message: "startFrame: asset a1 does not exist; upload the image again", field: "startFrame" }, "起始帧：服务器上已找不到这张图片，请重新上传。"],
    [{ code: "network", message: "Could not reach the server; check the connection and try again." }, "无法连接服务器，请检查网络后重试。"],
    [{ code: "http-502", message: "The server answered with an unexpected error (HTTP 502)." }, "服务器返回了意外错误（HTTP 502）。"],
    // A contract rule refused by the server (422 with the rule as code) reads like the form's own issue.
    [{ code: "trajectory-too-short", message: "regions[1].trajectory: needs at least 2 points", field: "regions[1].trajectory" }, "区域 2 的轨迹：至少需要 2 个点"],
    // Kling's reason is kept after the translated sentence.
    [{ code: "content-moderation", message: `${describeBusinessCode(1301).message.replace(/\.$/, "")}: image flagged.` }, "图片或提示词未通过视频服务的内容安全审核，请修改后重试：image flagged."],
    [{ code: "brand-new-code", message: "Something new happened." }, "Something new happened."],
    // Spend and abuse limits are worded from their detail numbers.
    [
      { code: "budget-exceeded", message: "This run needs about 3.5 units; you have 2 of 10 left this month.", detail: { limit: "member", units: 3.5, remaining: 2, budget: 10 } },
      "这次生成约需 3.5 单位；本月您还剩 2 / 10 单位。",
    ],
    [{ code: "budget-exceeded", message: "…", detail: { limit: "workspace", units: 7, remaining: 0.5, budget: 1000 } }, "这次生成约需 7 单位；工作区本月还剩 0.5 / 1000 单位。"],
    [{ code: "budget-exceeded", message: "This run needs about 3.5 units." }, "本月剩余单位不足以完成这次生成。"],
    [{ code: "rate-limited", message: "Too many videos started.", detail: { policy: "task-create", limit: 10, retryAfterS: 42 } }, "请求过于频繁，请在 42 秒后重试。"],
    [{ code: "storage-quota", message: "…", detail: { quotaMb: 2048, usedMb: 2047.5 } }, "这会超出您 2048 MB 的存储配额，请先删除一些视频或图片。"],
  ])("in Chinese: %j", (error, want) => {
    expect(apiErrorText(error, ZH)).toBe(want);
  });
});

const task = (status: string, statusCode: string, statusMessage: string) => ({ status, statusCode, statusMessage });

describe("taskMessageText", () => {
  it("keeps the server's English when it has something to say", () => {
    expect(taskMessageText(task("failed", "kling-1301", "The video service's content-safety check blocked this image."), EN)).toBe(
      "The video service's content-safety check blocked this image.",
    );
    expect(taskMessageText(task("processing", "processing", ""), EN)).toBe("Generating the video.");
  });

  it.each([
    [task("queued", "sending", "Sending…"), "正在提交…"],
    [task("processing", "processing", "Generating the video."), "正在生成视频。"],
    [task("queued", "kling-1303", "Waiting for a free generation slot."), "账户的生成名额已满，有空闲名额时视频会自动开始生成。"],
    [task("queued", "kling-5001", "The video service is temporarily unavailable (maintenance); try again later. We will keep trying."), "视频服务暂时不可用（维护中），请稍后重试。我们会继续重试。"],
    [task("queued", "upstream-timeout", "The video service did not answer in time. We will keep trying."), "视频服务响应超时，请稍后再试。我们会继续重试。"],
    [task("failed", "kling-1201", "The video service rejected one of the settings: camera_control is invalid."), "视频服务拒绝了其中一项设置：camera_control is invalid."],
    [task("failed", "kling-1102", describeBusinessCode(1102).message), "视频服务账户的额度已用完，购买更多额度后才能继续生成视频。"],
    [task("failed", "kling-1999", "The video service answered with an unexpected error (code 1999): odd."), "视频服务返回了未知错误（错误码 1999）：odd."],
    [task("failed", "upstream-failed", "Image too blurry"), "视频服务生成失败：Image too blurry"],
    [task("failed", "upstream-no-video", "The upstream reported success but returned no video."), "视频服务报告成功，但没有返回视频。"],
    [task("failed", "", "Something only the server knows"), "Something only the server knows"],
    [task("failed", "never-heard-of-it", "Something new"), "Something new"],
  ])("in Chinese: %j", (t, want) => {
    expect(taskMessageText(t, ZH)).toBe(want);
  });

  it("translates every Kling business code 1000–1004, 1100–1103, 1200–1203, 1300–1304, 5000–5002", () => {
    const codes = [1000, 1001, 1002, 1003, 1004, 1100, 1101, 1102, 1103, 1200, 1201, 1202, 1203, 1300, 1301, 1302, 1303, 1304, 5000, 5001, 5002];
    for (const code of codes) {
      const text = taskMessageText(task("failed", `kling-${code}`, describeBusinessCode(code).message), ZH);
      expect(text, String(code)).toMatch(/[\u4e00-\u9fff]/);
      expect(text, String(code)).not.toContain("video service");
    }
  });
});
