import { z } from "zod";
import { MAX_RECIPE_BYTES } from "@/lib/recipe/schema";
import { listScope } from "@/lib/server/access/viewer";
import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { fromZodError } from "@/lib/server/app-error";
import { readJson } from "@/lib/server/read-body";
import { route } from "@/lib/server/auth/route";
import { searchSchema, TASK_SORTS } from "@/lib/library/list-order";

export const dynamic = "force-dynamic";

export const POST = route({ access: "user" }, async (request) => {
  const input = await readJson(request, MAX_RECIPE_BYTES);
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  return Response.json({ task: await tasks.create(viewer, input) }, { status: 201 });
});

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  /** Absent: the caller's own tasks; "all": everyone's (owner only, 403 otherwise). */
  scope: z.enum(["own", "all"]).optional(),
  /** Words in the title or prompt. */
  q: z.optional(searchSchema),
  sort: z.enum(TASK_SORTS).default("newest"),
  /** Takes of one shot: tasks made from this start frame asset. */
  startFrame: z.string().max(200).optional(),
});

export const GET = route({ access: "user" }, async (request) => {
  const parsed = listQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw fromZodError(parsed.error);
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  const { limit, cursor, scope, q, sort, startFrame } = parsed.data;
  return Response.json(await tasks.list(viewer, listScope(viewer, scope), limit, cursor, { search: q, startFrame }, sort));
});
