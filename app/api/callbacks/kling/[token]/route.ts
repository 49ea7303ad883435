import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { readLimitedBody } from "@/lib/server/read-body";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/**
 * Upstream status callbacks. The token is an HMAC of our task id; the body is not trusted: it only
 * triggers a query that confirms the status.
 */
export const POST = route({ access: "public" }, async (request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  await readLimitedBody(request, 256 * 1024);
  const { tasks } = await getApp();
  if (!(await tasks.handleCallback(token))) throw new AppError("not-found", 404, "unknown callback token");
  return Response.json({ ok: true });
});
