import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { fileResponse } from "@/lib/server/range-response";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "user" }, async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { tasks } = await getApp();
  const task = await tasks.get(id);
  if (!task.video) throw new AppError("video-not-ready", 409, `task ${id} has no video yet (status: ${task.status})`);
  return fileResponse(tasks.videoPath(id), request, { contentType: "video/mp4", cacheControl: "private, max-age=3600" });
});
