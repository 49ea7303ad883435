import { getApp } from "@/lib/server/app-context";
import { toPublicAuthResponse } from "@/lib/server/auth/auth-response";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** Better Auth's own endpoints (sign-up, sign-in, sessions, passkeys), with errors in our body shape. */
const handle = route({ access: "public" }, async (request) => {
  const { auth } = await getApp();
  return toPublicAuthResponse(await auth.handler(request));
});

export const GET = handle;
export const POST = handle;
