import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The public share: the recipe's settings, frames and video by slug. No task, asset or upstream id. */
export const GET = route({ access: "public" }, async (_request, { params }: Context) => {
  const { slug } = await params;
  const { tasks } = await getApp();
  // no-store: a revoked link must stop answering at once, also through shared caches.
  return Response.json({ share: await tasks.shares.requirePublic(slug) }, { headers: { "cache-control": "no-store" } });
});

/** Revokes the caller's link for good (204); the page and its files then answer 404. Another's link: 404. */
export const DELETE = route({ access: "user" }, async (request, { params }: Context) => {
  const { slug } = await params;
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  await tasks.shares.revoke(viewer, slug);
  return new Response(null, { status: 204 });
});
