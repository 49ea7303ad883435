import { z } from "zod";
import { getApp } from "@/lib/server/app-context";
import { fromZodError } from "@/lib/server/app-error";
import { readJson } from "@/lib/server/read-body";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** Recipes carry vector masks and up to 6 trajectories; anything bigger is not a recipe. */
const MAX_RECIPE_BYTES = 2 * 1024 * 1024;

export const POST = route({ access: "user" }, async (request) => {
  const input = await readJson(request, MAX_RECIPE_BYTES);
  const { tasks } = await getApp();
  return Response.json({ task: await tasks.create(input) }, { status: 201 });
});

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const GET = route({ access: "user" }, async (request) => {
  const parsed = listQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw fromZodError(parsed.error);
  const { tasks } = await getApp();
  return Response.json(await tasks.list(parsed.data.limit, parsed.data.cursor));
});
