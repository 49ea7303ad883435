import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { SHARED_FILE_CACHE } from "@/lib/server/shares/public-share";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** The shared video's poster by slug: the page's `<video poster>` and the Open Graph image. */
export const GET = route({ access: "public" }, async (_request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { tasks } = await getApp();
  const { task } = await tasks.shares.requireResolved(slug);
  const poster = await tasks.system.poster(task.id);
  if (!poster) throw new AppError("not-found", 404, "This share link does not exist or was revoked.");
  return new Response(new Uint8Array(poster), {
    headers: { "content-type": "image/jpeg", "content-length": String(poster.length), "cache-control": SHARED_FILE_CACHE },
  });
});
