import fc from "fast-check";
import { nanoid } from "nanoid";
import { describe, expect, it } from "vitest";
import { recipeSchema } from "@/lib/recipe/schema";
import type { AssetRow, ShareRow } from "../storage/db";
import { isSlug, requestOrigin, SLUG_LENGTH, shareUrl, toPublicShare, withoutAssets } from "./public-share";

const row: ShareRow = { slug: "V1StGXR8_Z5jdHi6B-myT", task_id: "tsk_secretsecret1", show_prompt: 0, created_at: "2026-11-27T10:00:00.000Z", revoked_at: null };
const recipe = recipeSchema.parse({ version: 1, provider: "preview", prompt: "a kite", negativePrompt: "blur", startFrame: "startasset01" });
const start: AssetRow = { id: "startasset01", mime: "image/jpeg", width: 640, height: 360, bytes: 1000, created_at: row.created_at };
const video = { durationS: 5, width: 640, height: 360, bytes: 12345 };

describe("isSlug", () => {
  it("accepts what nanoid makes and any 21 characters of its alphabet", () => {
    for (let i = 0; i < 100; i++) expect(isSlug(nanoid(SLUG_LENGTH))).toBe(true);
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{21}$/), isSlug));
  });

  it.each(["", "short", "V1StGXR8_Z5jdHi6B-myT1", "V1StGXR8_Z5jdHi6B-my/", "../../../../etc/passwd", "V1StGXR8 Z5jdHi6B-myT"])("refuses %j", (value) => {
    expect(isSlug(value)).toBe(false);
  });
});

describe("shareUrl", () => {
  it.each([
    [undefined, "/s/abc"],
    ["https://studio.example.com", "https://studio.example.com/s/abc"],
    ["https://studio.example.com/", "https://studio.example.com/s/abc"],
  ])("with base %j → %s", (base, expected) => {
    expect(shareUrl("abc", base)).toBe(expected);
  });
});

describe("toPublicShare", () => {
  it("serves the video and poster by slug and carries no task id", () => {
    const share = toPublicShare({ row, recipe, video, start, tail: null, publicBaseUrl: undefined });
    expect(share.video).toEqual({ url: `/api/shares/${row.slug}/video`, posterUrl: `/api/shares/${row.slug}/poster`, durationS: 5, width: 640, height: 360 });
    expect(share.frames).toEqual({ start: { width: 640, height: 360, url: `/api/shares/${row.slug}/frame` }, tail: null });
    expect(JSON.stringify(share)).not.toContain(row.task_id);
    expect(JSON.stringify(share)).not.toContain("startasset01");
  });

  it("blanks the prompts in the remix copy when the owner hid them", () => {
    const hidden = toPublicShare({ row, recipe, video, start, tail: null, publicBaseUrl: undefined });
    expect(hidden).toMatchObject({ showPrompt: false, recipe: { prompt: "", negativePrompt: "" } });
    const shown = toPublicShare({ row: { ...row, show_prompt: 1 }, recipe, video, start, tail: null, publicBaseUrl: undefined });
    expect(shown).toMatchObject({ showPrompt: true, recipe: { prompt: "a kite", negativePrompt: "blur" } });
  });
});

describe("withoutAssets", () => {
  it("drops frames and PNG masks and keeps vector masks and paths", () => {
    const full = recipeSchema.parse({
      version: 1, startFrame: "startasset01", tailFrame: "tailasset001", staticMask: { asset: "staticmask01" },
      regions: [{ mask: { asset: "regionmask01" }, trajectory: [{ x: 1, y: 1 }] }, { mask: { strokes: [] }, trajectory: [] }],
    });
    const stripped = withoutAssets(full);
    expect(stripped).toMatchObject({ startFrame: null, tailFrame: null, staticMask: null });
    expect(stripped.regions).toEqual([{ ...full.regions[0], mask: { strokes: [] } }, full.regions[1]]);
    expect(JSON.stringify(stripped)).not.toMatch(/asset/);
  });
});

describe("requestOrigin", () => {
  const fallback = "http://127.0.0.1:3000";
  it.each<[string, Record<string, string>, string | undefined, string]>([
    ["the public base URL wins", { host: "10.0.0.5:3000" }, "https://studio.example.com/app/", "https://studio.example.com"],
    ["the request's host", { host: "10.0.0.5:3000" }, undefined, "http://10.0.0.5:3000"],
    ["a proxy's forwarded host and scheme", { host: "internal:3000", "x-forwarded-host": "studio.example.com", "x-forwarded-proto": "https" }, undefined, "https://studio.example.com"],
    ["no host at all", {}, undefined, fallback],
    ["a host that is not a host", { host: "evil.com/path?x=" }, undefined, fallback],
    ["an odd scheme", { host: "a.example", "x-forwarded-proto": "javascript" }, undefined, fallback],
  ])("%s", (_name, headers, base, expected) => {
    expect(requestOrigin(new Headers(headers), base, fallback)).toBe(expected);
  });
});
