import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** The first frame of the task's video as a JPEG, for the library grid. */
export const GET = route({ access: "user" }, async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { tasks } = await getApp();
  const task = await tasks.get(id);
  const poster = task.video ? await tasks.poster(id) : null;
  if (!poster) throw new AppError("video-not-ready", 409, `task ${id} has no video yet (status: ${task.status})`);
  return new Response(new Uint8Array(poster), {
    headers: { "content-type": "image/jpeg", "content-length": String(poster.length), "cache-control": "private, max-age=86400" },
  });
});
