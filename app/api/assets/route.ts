import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { readLimitedBody } from "@/lib/server/read-body";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** Raw uploads may exceed Kling's 10 MB before we re-encode them, but not by much. */
const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;

export const POST = route({ access: "user" }, async (request) => {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    throw new AppError("unsupported-media-type", 415, "body: send multipart/form-data with the image in the field `file`");
  }
  const body = await readLimitedBody(request, MAX_UPLOAD_BYTES);
  const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData().catch(() => {
    throw new AppError("invalid-request", 400, "body: the multipart form could not be read");
  });
  const file = form.get("file");
  if (!(file instanceof Blob)) throw new AppError("invalid-request", 400, "file: is required (a JPEG or PNG image)", "file");
  const viewer = await viewerFrom(request);
  const { assets, guards } = await getApp();
  await guards.rates.enforce("upload", viewer.userId);
  const asset = await assets.create(Buffer.from(await file.arrayBuffer()), viewer, (id, bytes) => guards.storage.record(viewer.userId, id, bytes));
  return Response.json({ asset }, { status: 201 });
});
