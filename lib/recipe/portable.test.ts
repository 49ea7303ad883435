import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parsePortable, referencedAssets, remapAssets, toPortable, PORTABLE_FORMAT, PORTABLE_VERSION } from "./portable";
import { recipeSchema } from "./schema";

const recipe = recipeSchema.parse({
  version: 1,
  startFrame: "startframe01",
  tailFrame: null,
  staticMask: { asset: "staticmask01" },
  regions: [
    { mask: { strokes: [{ op: "paint", size: 10, points: [{ x: 1, y: 2 }] }] }, trajectory: [{ x: 1, y: 2 }, { x: 30, y: 40 }] },
    { mask: { asset: "regionmask01" }, trajectory: [{ x: 5, y: 5 }, { x: 9, y: 9 }] },
  ],
});
const load = async (id: string) => ({ mime: "image/png" as const, data: Buffer.from(`png:${id}`).toString("base64") });

describe("portable recipes", () => {
  it("lists every referenced asset once", () => {
    expect(referencedAssets(recipe)).toEqual(["startframe01", "staticmask01", "regionmask01"]);
  });

  it("round-trips through JSON with its assets embedded", async () => {
    const file = JSON.parse(JSON.stringify(await toPortable(recipe, load, new Date("2026-11-25T00:00:00Z"))));
    const parsed = parsePortable(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.recipe).toEqual(recipe);
    expect(Object.keys(parsed.value.assets).sort()).toEqual(["regionmask01", "startframe01", "staticmask01"]);
  });

  const broken: Array<[string, () => Promise<unknown>, RegExp]> = [
    ["another kind of JSON", async () => ({ hello: "world" }), /not a Motion Studio recipe/],
    ["a newer format version", async () => ({ ...(await toPortable(recipe, load)), version: 3 }), /^This recipe file is version 3, from a newer Motion Studio; this one reads versions up to 2\. Update/],
    ["a newer recipe inside", async () => ({ ...(await toPortable(recipe, load)), recipe: { ...recipe, version: 7 } }), /^This recipe is version 7, from a newer Motion Studio/],
    ["no version", async () => ({ format: PORTABLE_FORMAT, recipe, assets: {} }), /not a Motion Studio recipe file: its version must be a whole number/],
    ["not an object", async () => [PORTABLE_FORMAT], /not a Motion Studio recipe/],
    ["a broken recipe", async () => ({ ...(await toPortable(recipe, load)), recipe: { ...recipe, duration: "7" } }), /damaged: recipe\.duration/],
    ["a missing image", async () => ({ ...(await toPortable(recipe, load)), assets: {} }), /image startframe01 it uses is not inside it/],
    ["bad base64", async () => ({ format: PORTABLE_FORMAT, version: 1, recipe, assets: { startframe01: { mime: "image/png", data: "%%%" } } }), /must be base64/],
  ];

  it.each(broken)("refuses %s with a clear message", async (_name, make, message) => {
    const parsed = parsePortable(await make());
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it("opens a v1 file as the same recipe, images and all", () => {
    const file = JSON.parse(readFileSync("tests/fixtures/documents/motion-v1.motion.json", "utf8")) as { recipe: unknown; assets: object };
    const parsed = parsePortable(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.version).toBe(PORTABLE_VERSION);
    expect(parsed.value.recipe).toEqual(recipeSchema.parse(file.recipe));
    expect(parsed.value.recipe.regions.map((region) => region.curve)).toEqual(["straight", "straight"]);
    expect(parsed.value.assets).toEqual(file.assets);
  });

  it("writes the current version", async () => {
    expect((await toPortable(recipe, load)).version).toBe(PORTABLE_VERSION);
  });

  it("remaps frame and mask asset ids", () => {
    const moved = remapAssets(recipe, { startframe01: "newstart0001", regionmask01: "newregion001" });
    expect(moved.startFrame).toBe("newstart0001");
    expect(moved.regions[1]!.mask).toEqual({ asset: "newregion001" });
    expect(moved.staticMask).toEqual({ asset: "staticmask01" });
    expect(moved.regions[0]!.mask).toEqual(recipe.regions[0]!.mask);
  });
});
