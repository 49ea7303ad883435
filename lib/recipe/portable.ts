import * as z from "@/lib/validation/zod";
import { assetIdSchema, isAssetMask, recipeSchema, type Mask, type Recipe } from "./schema";
import { upgrade, type DocumentChain, type UpgradeStep } from "./upgrade";

/**
 * The portable recipe: one `.motion.json` file holding a recipe and every image it refers to, so a
 * document travels between machines. Versioned and read through `upgrade()`; a file from a newer
 * Motion Studio is refused with a clear message rather than half-read.
 */
export const PORTABLE_FORMAT = "motion-studio/recipe";
export const PORTABLE_VERSION = 2;
export const PORTABLE_EXTENSION = ".motion.json";

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/, "must be base64"));
const embeddedAssetSchema = z.strictObject({ mime: z.enum(["image/jpeg", "image/png"]), data: base64 });
export type EmbeddedAsset = z.infer<typeof embeddedAssetSchema>;

const portableSchema = z.strictObject({
  format: z.literal(PORTABLE_FORMAT),
  version: z.literal(PORTABLE_VERSION),
  exportedAt: z.optional(z.string()),
  recipe: recipeSchema,
  assets: z.record(assetIdSchema, embeddedAssetSchema),
});
export type PortableRecipe = z.infer<typeof portableSchema>;

/**
 * v2 files carry v2 recipes. The envelope itself did not change: the recipe inside is upgraded by its
 * own chain when the file is validated. The bump is for older builds, which then say "newer Motion
 * Studio" instead of calling a v2 recipe damaged.
 */
const recipeV2Inside: UpgradeStep = (file) => file;

export const PORTABLE_CHAIN: DocumentChain<PortableRecipe> = { noun: "recipe file", steps: [recipeV2Inside], schema: portableSchema };

export type ParseResult = { ok: true; value: PortableRecipe } | { ok: false; error: string };

/** Every asset id a recipe points at: frames and uploaded masks. */
export function referencedAssets(recipe: Recipe): string[] {
  const masks = [recipe.staticMask, ...recipe.regions.map((region) => region.mask)];
  const ids = [recipe.startFrame, recipe.tailFrame, ...masks.map((mask) => (mask && isAssetMask(mask) ? mask.asset : null))];
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

export async function toPortable(recipe: Recipe, loadAsset: (id: string) => Promise<EmbeddedAsset>, now = new Date()): Promise<PortableRecipe> {
  const ids = referencedAssets(recipe);
  const assets = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await loadAsset(id)] as const)));
  return { format: PORTABLE_FORMAT, version: PORTABLE_VERSION, exportedAt: now.toISOString(), recipe, assets };
}

/** Reads a parsed `.motion.json`; every failure says what is wrong in one sentence. */
export function parsePortable(input: unknown): ParseResult {
  const head = z.object({ format: z.literal(PORTABLE_FORMAT) }).safeParse(input);
  if (!head.success) return { ok: false, error: "This file is not a Motion Studio recipe (.motion.json)." };
  const parsed = upgrade(input, PORTABLE_CHAIN);
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  const missing = referencedAssets(parsed.value.recipe).filter((id) => !parsed.value.assets[id]);
  if (missing.length > 0) return { ok: false, error: `The recipe file is incomplete: the image ${missing[0]} it uses is not inside it.` };
  return { ok: true, value: parsed.value };
}

/** Points the recipe at new asset ids (after the embedded images were uploaded again). */
export function remapAssets(recipe: Recipe, ids: Record<string, string>): Recipe {
  const id = (value: string | null) => (value ? (ids[value] ?? value) : value);
  const mask = (value: Mask | null): Mask | null => (value && isAssetMask(value) ? { asset: id(value.asset) ?? value.asset } : value);
  return {
    ...recipe,
    startFrame: id(recipe.startFrame),
    tailFrame: id(recipe.tailFrame),
    staticMask: mask(recipe.staticMask),
    regions: recipe.regions.map((region) => ({ ...region, mask: mask(region.mask) ?? region.mask })),
  };
}
