import { getApp } from "@/lib/server/app-context";
import { route } from "@/lib/server/auth/route";
import { sharedImageResponse } from "@/lib/server/shares/shared-image";

export const dynamic = "force-dynamic";

/** The shared recipe's start frame by slug, so the public page never names an asset. */
export const GET = route({ access: "public" }, async (_request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { tasks } = await getApp();
  return sharedImageResponse(await tasks.shares.frame(slug, "frame"));
});
