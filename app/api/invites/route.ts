import { getApp } from "@/lib/server/app-context";
import { createInvites } from "@/lib/server/auth/invites";
import { readBody } from "@/lib/server/auth/read-body";
import { route } from "@/lib/server/auth/route";
import { inviteBody } from "@/lib/server/auth/schemas";

export const dynamic = "force-dynamic";

/** A one-time sign-up link with a role and a monthly budget; the token appears here only. */
export const POST = route({ access: "owner" }, async (request, _context, caller) => {
  const { role, monthlyUnits } = await readBody(request, inviteBody);
  const { db, env } = await getApp();
  const invite = await createInvites(db, env.PUBLIC_BASE_URL).create({ createdBy: caller.user.id, role, monthlyUnits });
  return Response.json({ invite }, { status: 201, headers: { "cache-control": "no-store" } });
});

/** Links not used yet (without their tokens). */
export const GET = route({ access: "owner" }, async () => {
  const { db, env } = await getApp();
  return Response.json({ invites: await createInvites(db, env.PUBLIC_BASE_URL).listPending() }, { headers: { "cache-control": "no-store" } });
});
