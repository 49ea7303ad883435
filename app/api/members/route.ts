import { getApp } from "@/lib/server/app-context";
import { createMembers } from "@/lib/server/auth/members";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** Every account with its role, state, sessions and budget. */
export const GET = route({ access: "owner" }, async () => {
  const { db } = await getApp();
  return Response.json({ members: await createMembers(db).list() }, { headers: { "cache-control": "no-store" } });
});
