import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { route } from "@/lib/server/auth/route";
import { readLimitedBody } from "@/lib/server/read-body";

export const dynamic = "force-dynamic";

/**
 * The caller's own copy of a shared recipe: `{recipe, frames}` with the frames and masks now among the
 * caller's assets, ready to send. The body is ignored (clients send `{}`).
 */
export const POST = route({ access: "user" }, async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  await readLimitedBody(request, 16 * 1024);
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  return Response.json(await tasks.shares.remix(viewer, slug), { headers: { "cache-control": "no-store" } });
});
