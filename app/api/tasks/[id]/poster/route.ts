import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** The first frame of the task's video as a JPEG, for the library grid. */
export const GET = route({ access: "user" }, async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  const poster = await tasks.poster(viewer, id);
  return new Response(new Uint8Array(poster), {
    headers: { "content-type": "image/jpeg", "content-length": String(poster.length), "cache-control": "private, max-age=86400" },
  });
});
