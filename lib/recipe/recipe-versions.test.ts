import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toKlingTrajectory } from "@/lib/geometry/trajectory";
import { RECIPE_STEPS } from "./recipe-versions";
import { currentRecipeSchema, RECIPE_VERSION, recipeSchema } from "./schema";

const fixture = (name: string): unknown => JSON.parse(readFileSync(`tests/fixtures/documents/${name}`, "utf8"));
const FRAME = { width: 640, height: 480 };

describe("recipe versions", () => {
  it("writes the version its steps lead to", () => {
    expect(RECIPE_VERSION).toBe(RECIPE_STEPS.length + 1);
  });

  it.each(["recipe-v1-script", "recipe-v1-stored"])("loads %s and sends the very paths v1 sent", (name) => {
    const parsed = recipeSchema.safeParse(fixture(`${name}.json`));
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.version).toBe(RECIPE_VERSION);
    for (const region of parsed.data.regions) expect(region).toMatchObject({ name: "", curve: "straight" });
    expect(parsed.data.regions.map((region) => toKlingTrajectory(region, FRAME))).toEqual(fixture(`${name}.trajectories.json`));
  });

  it("keeps every v1 field as it was", () => {
    const v1 = fixture("recipe-v1-stored.json") as { regions: object[] };
    const upgraded = recipeSchema.parse(v1);
    expect(upgraded).toEqual({ ...v1, version: RECIPE_VERSION, regions: v1.regions.map((region) => ({ ...region, name: "", curve: "straight" })) });
    expect(recipeSchema.parse(fixture("recipe-v1-preset-camera.json")).camera).toEqual({ type: "forward_up" });
  });

  it("reads a v1 recipe's paths as straight even if it carries a curve (v1 dropped unknown keys)", () => {
    const parsed = recipeSchema.parse({ version: 1, regions: [{ mask: { strokes: [] }, trajectory: [], curve: "smooth", name: "x" }] });
    expect(parsed.regions[0]).toMatchObject({ curve: "straight", name: "" });
  });

  it("gives new v2 regions a smooth curve and a trimmed name", () => {
    const parsed = recipeSchema.parse({ version: 2, regions: [{ mask: { strokes: [] }, trajectory: [], name: "  kite  " }] });
    expect(parsed.regions[0]).toMatchObject({ curve: "smooth", name: "kite" });
    expect(recipeSchema.safeParse({ version: 2, regions: [{ mask: { strokes: [] }, trajectory: [], name: "n".repeat(41) }] }).success).toBe(false);
  });

  it("refuses a newer recipe with a sentence naming both versions", () => {
    const parsed = recipeSchema.safeParse({ version: 3, regions: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["version"] });
    expect(parsed.error?.issues[0]?.message).toBe(
      `This recipe is version 3, from a newer Motion Studio; this one reads versions up to ${RECIPE_VERSION}. Update Motion Studio to open it.`,
    );
  });

  it.each([null, "recipe", [], {}, { version: "1" }, { version: 0 }, { version: 1.5 }])("refuses %j on its version, without throwing", (input) => {
    const parsed = recipeSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^This is not a Motion Studio recipe/);
  });

  it("keeps the current schema strict about its version", () => {
    expect(currentRecipeSchema.safeParse({ version: 1 }).success).toBe(false);
    expect(currentRecipeSchema.safeParse({ version: RECIPE_VERSION }).success).toBe(true);
  });
});
