import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { fileResponse } from "@/lib/server/range-response";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "user" }, async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  return fileResponse(await tasks.videoPath(viewer, id), request, { contentType: "video/mp4", cacheControl: "private, max-age=3600" });
});
