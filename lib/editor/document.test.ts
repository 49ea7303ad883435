import { describe, expect, it } from "vitest";
import { RECIPE_VERSION, type Region } from "@/lib/recipe/schema";
import {
  assetUrl,
  editorDocumentSchema,
  emptyDocument,
  nextRegionColor,
  REGION_COLORS,
  regionIssue,
  regionLabel,
  toRecipe,
  type RegionMeta,
} from "./document";

const region = (painted: boolean, points: number, erased = false): Region => ({
  mask: { strokes: painted ? [{ op: erased ? "erase" : "paint", size: 4, points: [{ x: 1, y: 1 }] }] : [] },
  trajectory: Array.from({ length: points }, (_, i) => ({ x: i, y: i })),
  easing: "linear",
  name: "",
  curve: "straight",
});

describe("document", () => {
  it("an empty document is a valid document and a valid recipe", () => {
    const doc = emptyDocument();
    expect(editorDocumentSchema.safeParse(doc).success).toBe(true);
    expect(toRecipe(doc)).toMatchObject({ version: RECIPE_VERSION, startFrame: null, regions: [], camera: null });
  });

  it("toRecipe takes frame ids from the frames", () => {
    const doc = { ...emptyDocument(), frames: { start: { assetId: "abcdefgh", width: 400, height: 300, url: "/x" }, tail: null } };
    expect(toRecipe(doc).startFrame).toBe("abcdefgh");
  });

  it("labels regions from 1", () => {
    expect([0, 5].map(regionLabel)).toEqual(["Region 1", "Region 6"]);
  });

  it("has six distinct region colours, none the static colour", () => {
    expect(new Set(REGION_COLORS.map((c) => c.toLowerCase())).size).toBe(6);
  });

  it("nextRegionColor picks the first free colour", () => {
    const metas = (colors: string[]): RegionMeta[] => colors.map((color, i) => ({ id: `${i}`, color, visible: true }));
    expect(nextRegionColor([])).toBe(REGION_COLORS[0]);
    expect(nextRegionColor(metas([REGION_COLORS[0], REGION_COLORS[2]]))).toBe(REGION_COLORS[1]);
  });

  it.each([
    { painted: true, points: 2, erased: false, issue: null },
    { painted: true, points: 0, erased: false, issue: "no-trajectory" },
    { painted: true, points: 1, erased: false, issue: "no-trajectory" },
    { painted: false, points: 5, erased: false, issue: "nothing-painted" },
    { painted: true, points: 5, erased: true, issue: "nothing-painted" },
    { painted: false, points: 0, erased: false, issue: "empty" },
  ])("regionIssue(painted=$painted, points=$points, erased=$erased) = $issue", ({ painted, points, erased, issue }) => {
    expect(regionIssue(region(painted, points, erased))).toBe(issue);
  });

  it("paint entirely outside the frame counts as nothing painted", () => {
    const outside: Region = { ...region(false, 3), mask: { strokes: [{ op: "paint", size: 10, points: [{ x: 900, y: 900 }] }] } };
    expect(regionIssue(outside)).toBeNull();
    expect(regionIssue(outside, { width: 400, height: 300 })).toBe("nothing-painted");
  });

  it("assetUrl escapes the id", () => {
    expect(assetUrl("abc_DEF-123")).toBe("/api/assets/abc_DEF-123");
  });
});
