import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { blobResponse } from "@/lib/server/range-response";
import { SHARED_FILE_CACHE } from "@/lib/server/shares/public-share";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** The shared video by slug (never by task id), with Range support for seeking. */
export const GET = route({ access: "public" }, async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { tasks, blobs } = await getApp();
  const { task } = await tasks.shares.requireResolved(slug);
  const response = await blobResponse(blobs, tasks.system.videoKey(task.id), request, { contentType: "video/mp4", cacheControl: SHARED_FILE_CACHE });
  if (!response) throw new AppError("not-found", 404, "the shared video is missing from storage");
  return response;
});
