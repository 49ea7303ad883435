import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route({ access: "user" }, async (request, { params }: Context) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  return Response.json({ task: await tasks.get(viewer, id) }, { headers: { "cache-control": "no-store" } });
});

/** Deletes a finished task with its video, poster and share links: 204, or 409 while it runs. */
export const DELETE = route({ access: "user" }, async (request, { params }: Context) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  await tasks.delete(viewer, id);
  return new Response(null, { status: 204 });
});
