import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { createInvites } from "@/lib/server/auth/invites";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Withdraws an unused invite link. */
export const DELETE = route({ access: "owner" }, async (_request, { params }: Context) => {
  const { id } = await params;
  const { db, env } = await getApp();
  if (!(await createInvites(db, env.PUBLIC_BASE_URL).revoke(id))) throw new AppError("not-found", 404, `invite ${id} does not exist or was already used`);
  return new Response(null, { status: 204 });
});
