import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RECIPE_VERSION } from "@/lib/recipe/schema";
import { readRecipe } from "./task-json";

describe("readRecipe", () => {
  it("reads a task stored with a v1 recipe as today's recipe with straight paths", () => {
    const recipe = readRecipe({ id: "task_old", recipe_json: readFileSync("tests/fixtures/documents/recipe-v1-stored.json", "utf8") });
    expect(recipe.version).toBe(RECIPE_VERSION);
    expect(recipe.regions.map((region) => region.curve)).toEqual(["straight", "straight"]);
  });

  it("names the task whose stored recipe is unreadable", () => {
    expect(() => readRecipe({ id: "task_bad", recipe_json: JSON.stringify({ version: 99 }) })).toThrow(/recipe_json of task task_bad .*version/);
  });
});
