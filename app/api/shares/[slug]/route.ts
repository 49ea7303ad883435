import { getApp } from "@/lib/server/app-context";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The public share for a remix: a copy of the recipe and its frames. No task or upstream id. */
export const GET = route({ access: "public" }, async (_request, { params }: Context) => {
  const { slug } = await params;
  const { tasks } = await getApp();
  // no-store: a revoked link must stop answering at once, also through shared caches.
  return Response.json({ share: await tasks.shares.requirePublic(slug) }, { headers: { "cache-control": "no-store" } });
});

/** Revokes the link for good (204); the page and its files then answer 404. */
export const DELETE = route({ access: "user" }, async (_request, { params }: Context) => {
  const { slug } = await params;
  const { tasks } = await getApp();
  await tasks.shares.revoke(slug);
  return new Response(null, { status: 204 });
});
