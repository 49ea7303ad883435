import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { createMembers } from "@/lib/server/auth/members";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Signs a member out on every device. */
export const DELETE = route({ access: "owner" }, async (_request, { params }: Context) => {
  const { id } = await params;
  const { db } = await getApp();
  const members = createMembers(db);
  if (!(await members.get(id))) throw new AppError("not-found", 404, `member ${id} does not exist`);
  await members.signOutEverywhere(id);
  return new Response(null, { status: 204 });
});
