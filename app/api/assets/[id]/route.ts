import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "user" }, async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { assets } = await getApp();
  const row = await assets.find(id);
  const data = row ? await assets.read(id) : null;
  if (!row || !data) throw new AppError("not-found", 404, `asset ${id} does not exist`);
  // Content-addressed, so the bytes behind an id never change.
  return new Response(new Uint8Array(data), {
    headers: { "content-type": row.mime, "content-length": String(data.length), "cache-control": "public, max-age=31536000, immutable", etag: `"${id}"` },
  });
});
