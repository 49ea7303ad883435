import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { blobResponse } from "@/lib/server/range-response";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** The first frame of the task's video as a JPEG, for the library grid; streamed from storage, with ranges. */
export const GET = route({ access: "user" }, async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { tasks, blobs } = await getApp();
  const response = await blobResponse(blobs, await tasks.posterKey(viewer, id), request, { contentType: "image/jpeg", cacheControl: "private, max-age=86400" });
  if (!response) throw new AppError("not-found", 404, `the poster of task ${id} is missing from storage`);
  return response;
});
