import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { createApiKeys } from "@/lib/server/auth/api-keys";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Revokes one of the caller's keys at once. */
export const DELETE = route({ access: "user" }, async (_request, { params }: Context, caller) => {
  const { id } = await params;
  const { auth, db } = await getApp();
  if (!(await createApiKeys(auth, db).revoke(caller.user.id, id))) throw new AppError("not-found", 404, `API key ${id} does not exist`);
  return new Response(null, { status: 204 });
});
