import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RECIPE_VERSION } from "@/lib/recipe/schema";
import {
  absoluteUrl,
  createShare,
  deleteTask,
  describeEstimate,
  estimatePath,
  formatSeconds,
  formatUnits,
  generationSeconds,
  getEstimate,
  remixSchema,
} from "./library-api";
import { EN, ZH } from "@/lib/text/test-translators";

afterEach(() => vi.unstubAllGlobals());

function stubFetch(status: number, body?: unknown) {
  const fetchMock = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("requests", () => {
  it("tells a new share (201) from the task's existing one (200)", async () => {
    const share = { slug: "s".repeat(21), url: "/s/x", showPrompt: true, createdAt: "2026-11-27T10:00:00Z" };
    const fetchMock = stubFetch(201, { share });
    expect(await createShare("tsk_1", true)).toEqual({ share, created: true });
    expect(fetchMock).toHaveBeenCalledWith("/api/tasks/tsk_1/share", expect.objectContaining({ method: "POST", body: '{"showPrompt":true}' }));
    stubFetch(200, { share });
    expect((await createShare("tsk_1", true)).created).toBe(false);
  });

  it("turns the server's error body into an ApiError with its code", async () => {
    stubFetch(409, { error: { code: "task-running", message: "task tsk_1 is still processing" } });
    await expect(deleteTask("tsk_1")).rejects.toMatchObject({ code: "task-running", status: 409, message: /still processing/ });
  });

  it("accepts a 204 without a body", async () => {
    stubFetch(204);
    await expect(deleteTask("tsk_1")).resolves.toBeUndefined();
  });

  it("refuses an estimate body it does not understand", async () => {
    stubFetch(200, { samples: "many" });
    await expect(getEstimate({ model: "kling-v1", mode: "std", duration: "5" })).rejects.toMatchObject({ code: "bad-response" });
  });
});

describe("estimatePath", () => {
  it("sends the provider only when chosen", () => {
    expect(estimatePath({ model: "kling-v1", mode: "pro", duration: "10" })).toBe("/api/estimates?model=kling-v1&mode=pro&duration=10");
    expect(estimatePath({ provider: "kling", model: "kling-v1", mode: "std", duration: "5" })).toContain("provider=kling");
  });
});

describe("describeEstimate", () => {
  it.each([
    [{ samples: 0, typicalSeconds: null, typicalUnits: null }, "No data yet", /first finished task/],
    [{ samples: 1, typicalSeconds: 4.2, typicalUnits: 1 }, "Typically about 4.2 s · 1 unit", /your one finished task/],
    [{ samples: 7, typicalSeconds: 161, typicalUnits: 2.5 }, "Typically about 2:41 · 2.5 units", /last 7 finished tasks/],
    [{ samples: 3, typicalSeconds: 38, typicalUnits: null }, "Typically about 38 s", /3 finished/],
    [{ samples: 2, typicalSeconds: null, typicalUnits: null }, "No timing recorded yet", /2 finished/],
  ])("%j", (estimate, headline, detail) => {
    const text = describeEstimate(estimate, EN);
    expect(text.headline).toBe(headline);
    expect(text.detail).toMatch(detail);
  });

  it.each([
    [{ samples: 0, typicalSeconds: null, typicalUnits: null }, "暂无数据", /第一个任务/],
    [{ samples: 1, typicalSeconds: 4.2, typicalUnits: 1 }, "通常约 4.2 秒 · 1 点", /1 个任务/],
    [{ samples: 7, typicalSeconds: 161, typicalUnits: 2.5 }, "通常约 2:41 · 2.5 点", /7 个任务/],
    [{ samples: 2, typicalSeconds: null, typicalUnits: null }, "尚无耗时记录", /2 个任务/],
  ])("in Chinese: %j", (estimate, headline, detail) => {
    const text = describeEstimate(estimate, ZH);
    expect(text.headline).toBe(headline);
    expect(text.detail).toMatch(detail);
  });
});

describe("small helpers", () => {
  it.each([
    [0.04, "0 s"],
    [4.25, "4.3 s"],
    [38.4, "38 s"],
    [59.6, "60 s"],
    [161, "2:41"],
    [3600, "60:00"],
  ])("formatSeconds(%d) = %s", (seconds, text) => {
    expect(formatSeconds(seconds, EN)).toBe(text);
  });

  it.each([
    [4.25, "4.3 秒"],
    [38.4, "38 秒"],
    [161, "2:41"],
  ])("formatSeconds(%d) in Chinese = %s", (seconds, text) => {
    expect(formatSeconds(seconds, ZH)).toBe(text);
  });

  it.each([
    [1, "1 unit", "1 点"],
    [2.5, "2.5 units", "2.5 点"],
    [0, "0 units", "0 点"],
  ])("formatUnits(%d)", (units, en, zh) => {
    expect(formatUnits(units, EN)).toBe(en);
    expect(formatUnits(units, ZH)).toBe(zh);
  });

  it("measures generation from submission, else creation, and not while running", () => {
    expect(generationSeconds({ createdAt: "2026-01-01T00:00:00Z", submittedAt: "2026-01-01T00:00:10Z", finishedAt: "2026-01-01T00:00:15Z" })).toBe(5);
    expect(generationSeconds({ createdAt: "2026-01-01T00:00:00Z", submittedAt: null, finishedAt: "2026-01-01T00:00:15Z" })).toBe(15);
    expect(generationSeconds({ createdAt: "2026-01-01T00:00:00Z", submittedAt: null, finishedAt: null })).toBeNull();
  });

  it("makes relative share links absolute and leaves absolute ones alone", () => {
    expect(absoluteUrl("/s/abc", "http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000/s/abc");
    expect(absoluteUrl("https://studio.example.com/s/abc", "http://127.0.0.1:3000")).toBe("https://studio.example.com/s/abc");
  });
});

describe("remixSchema", () => {
  it("reads a remix whose stored recipe is still v1 (an older server) as today's recipe, paths straight", () => {
    const stored = JSON.parse(readFileSync("tests/fixtures/documents/recipe-v1-stored.json", "utf8")) as unknown;
    const remix = remixSchema.parse({ recipe: stored, frames: { start: null, tail: null } });
    expect(remix.recipe.version).toBe(RECIPE_VERSION);
    expect(remix.recipe.regions.map((region) => region.curve)).toEqual(["straight", "straight"]);
  });
});
