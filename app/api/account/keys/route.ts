import { getApp } from "@/lib/server/app-context";
import { createApiKeys } from "@/lib/server/auth/api-keys";
import { readBody } from "@/lib/server/auth/read-body";
import { route } from "@/lib/server/auth/route";
import { apiKeyBody } from "@/lib/server/auth/schemas";

export const dynamic = "force-dynamic";

/** A new API key; its token appears in this response only. */
export const POST = route({ access: "user" }, async (request, _context, caller) => {
  const { name } = await readBody(request, apiKeyBody);
  const { auth, db } = await getApp();
  const key = await createApiKeys(auth, db).create(caller.user.id, name);
  return Response.json({ key }, { status: 201, headers: { "cache-control": "no-store" } });
});

export const GET = route({ access: "user" }, async (_request, _context, caller) => {
  const { auth, db } = await getApp();
  return Response.json({ keys: await createApiKeys(auth, db).list(caller.user.id) }, { headers: { "cache-control": "no-store" } });
});
