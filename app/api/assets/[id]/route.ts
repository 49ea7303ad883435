import { idScope } from "@/lib/server/access/viewer";
import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** Another user's asset answers exactly like a missing one. */
export const GET = route({ access: "user" }, async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { assets } = await getApp();
  const mine = assets.forViewer(viewer, idScope(viewer));
  const row = await mine.find(id);
  const data = row ? await mine.read(id) : null;
  if (!row || !data) throw new AppError("not-found", 404, `asset ${id} does not exist`);
  // Content-addressed, so the bytes behind an id never change; private: who may read them depends on the caller.
  return new Response(new Uint8Array(data), {
    headers: { "content-type": row.mime, "content-length": String(data.length), "cache-control": "private, max-age=31536000, immutable", etag: `"${id}"` },
  });
});
