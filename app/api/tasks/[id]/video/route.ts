import { viewerFrom } from "@/lib/server/access/viewer";
import { getApp } from "@/lib/server/app-context";
import { withErrors } from "@/lib/server/app-error";
import { fileResponse } from "@/lib/server/range-response";

export const dynamic = "force-dynamic";

export const GET = withErrors(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  return fileResponse(await tasks.videoPath(viewer, id), request, { contentType: "video/mp4", cacheControl: "private, max-age=3600" });
});
