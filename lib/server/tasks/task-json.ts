import "server-only";
import { z } from "zod";
import { PROVIDERS, recipeSchema, type Provider, type Recipe } from "@/lib/recipe/schema";

/**
 * The JSON columns of a task row, read back through schemas: a row written by an older build or edited
 * by hand fails here with the task id, instead of flowing on as a wrongly typed object.
 */

export const storedVideoSchema = z.object({
  durationS: z.number().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
});
export type StoredVideo = z.infer<typeof storedVideoSchema>;

function readJson<T>(schema: z.core.$ZodType<T>, text: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${what} is not JSON`);
  }
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw new Error(`${what} does not match its schema: ${parsed.error.issues[0]?.path.join(".") || "root"}`);
  return parsed.data;
}

export function readRecipe(row: { id: string; recipe_json: string }): Recipe {
  return readJson(recipeSchema, row.recipe_json, `recipe_json of task ${row.id}`);
}

export function readProvider(row: { id: string; provider: string }): Provider {
  const parsed = z.enum(PROVIDERS).safeParse(row.provider);
  if (!parsed.success) throw new Error(`provider of task ${row.id} is not one we know`);
  return parsed.data;
}

export function readVideo(row: { id: string; video_json: string | null }): StoredVideo | null {
  return row.video_json === null ? null : readJson(storedVideoSchema, row.video_json, `video_json of task ${row.id}`);
}
