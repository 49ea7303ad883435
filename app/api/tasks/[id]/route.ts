import { getApp } from "@/lib/server/app-context";
import { withErrors } from "@/lib/server/app-error";

export const dynamic = "force-dynamic";

export const GET = withErrors(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { tasks } = await getApp();
  return Response.json({ task: await tasks.get(id) }, { headers: { "cache-control": "no-store" } });
});
