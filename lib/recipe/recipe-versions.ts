import type { UpgradeStep } from "./upgrade";

/**
 * Every change to the recipe's shape, oldest first: RECIPE_STEPS[i] turns a version i + 1 recipe into
 * version i + 2. Add a step (never edit one) when the schema changes, and keep a fixture of the old
 * version in tests/fixtures/documents.
 */

/** v2 gave regions a name and a curve; a v1 path was always straight lines between its points. */
const addRegionNameAndCurve: UpgradeStep = (recipe) => {
  if (!Array.isArray(recipe.regions)) return recipe;
  const regions: unknown[] = recipe.regions.map((region: unknown) =>
    typeof region === "object" && region !== null ? { ...region, name: "", curve: "straight" } : region,
  );
  return { ...recipe, regions };
};

export const RECIPE_STEPS: readonly UpgradeStep[] = [addRegionNameAndCurve];
