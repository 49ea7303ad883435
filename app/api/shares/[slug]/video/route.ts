import { getApp } from "@/lib/server/app-context";
import { fileResponse } from "@/lib/server/range-response";
import { SHARED_FILE_CACHE } from "@/lib/server/shares/public-share";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** The shared video by slug (never by task id), with Range support for seeking. */
export const GET = route({ access: "public" }, async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { tasks } = await getApp();
  const { task } = await tasks.shares.requireResolved(slug);
  return fileResponse(tasks.system.videoPath(task.id), request, { contentType: "video/mp4", cacheControl: SHARED_FILE_CACHE });
});
