import { getApp } from "@/lib/server/app-context";
import { createBudgetStore } from "@/lib/server/auth/budget-store";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** The caller's account and this month's budget. */
export const GET = route({ access: "user" }, async (_request, _context, caller) => {
  const { db } = await getApp();
  const budget = await createBudgetStore(db).get(caller.user.id);
  return Response.json({ user: caller.user, budget }, { headers: { "cache-control": "no-store" } });
});
