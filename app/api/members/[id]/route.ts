import { getApp } from "@/lib/server/app-context";
import { AppError } from "@/lib/server/app-error";
import { createMembers } from "@/lib/server/auth/members";
import { readBody } from "@/lib/server/auth/read-body";
import { route } from "@/lib/server/auth/route";
import { memberPatchBody } from "@/lib/server/auth/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Disables or re-enables a member, and/or changes their monthly budget. */
export const PATCH = route({ access: "owner" }, async (request, { params }: Context) => {
  const { id } = await params;
  const body = await readBody(request, memberPatchBody);
  const { db } = await getApp();
  const members = createMembers(db);
  const member = await members.get(id);
  if (!member) throw new AppError("not-found", 404, `member ${id} does not exist`);
  if (body.disabled !== undefined) {
    if (member.role === "owner") throw new AppError("owner-cannot-be-disabled", 409, "The owner's account cannot be disabled.", "disabled");
    await members.setDisabled(id, body.disabled);
  }
  if (body.monthlyUnits !== undefined) await members.setMonthlyUnits(id, body.monthlyUnits);
  return new Response(null, { status: 204 });
});
