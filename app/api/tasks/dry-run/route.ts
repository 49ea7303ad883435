import { MAX_RECIPE_BYTES } from "@/lib/recipe/schema";
import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { route } from "@/lib/server/auth/route";
import { readJson } from "@/lib/server/read-body";

export const dynamic = "force-dynamic";

/**
 * The body `POST /api/tasks` would send upstream for the same recipe (validated the same way, masks
 * rasterised by the same builder), without creating, storing or spending anything: the editor's
 * request view shows it, with the very mask PNGs Kling would get.
 */
export const POST = route({ access: "user" }, async (request) => {
  const input = await readJson(request, MAX_RECIPE_BYTES);
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  return Response.json({ request: await tasks.dryRun(viewer, input) }, { headers: { "cache-control": "no-store" } });
});
