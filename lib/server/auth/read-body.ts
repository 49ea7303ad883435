import "server-only";
import type { z } from "zod";
import { fromZodError } from "../app-error";
import { readJson } from "../read-body";

/** The account routes' bodies are small JSON objects. */
const MAX_BODY_BYTES = 16 * 1024;

export async function readBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readJson(request, MAX_BODY_BYTES));
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
