import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { blobResponse } from "@/lib/server/range-response";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "user" }, async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { tasks, blobs } = await getApp();
  const response = await blobResponse(blobs, await tasks.videoKey(viewer, id), request, { contentType: "video/mp4", cacheControl: "private, max-age=3600" });
  if (!response) throw new AppError("not-found", 404, `the video of task ${id} is missing from storage`);
  return response;
});
