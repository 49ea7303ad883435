import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { route } from "@/lib/server/auth/route";
import { readJson } from "@/lib/server/read-body";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route({ access: "user" }, async (request, { params }: Context) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  return Response.json({ task: await tasks.get(viewer, id) }, { headers: { "cache-control": "no-store" } });
});

/** A title is at most 80 characters; a body a hundred times that is not a rename. */
const MAX_PATCH_BYTES = 8 * 1024;

/** Renames a task: `{title}` (at most 80 characters; "" goes back to the prompt's) → `{"task": Task}`. */
export const PATCH = route({ access: "user" }, async (request, { params }: Context) => {
  const { id } = await params;
  const input = await readJson(request, MAX_PATCH_BYTES);
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  return Response.json({ task: await tasks.rename(viewer, id, input) });
});

/** Deletes a finished task with its video, poster and share links: 204, or 409 while it runs. */
export const DELETE = route({ access: "user" }, async (request, { params }: Context) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  await tasks.delete(viewer, id);
  return new Response(null, { status: 204 });
});
