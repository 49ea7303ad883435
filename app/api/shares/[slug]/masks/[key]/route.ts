import { getApp } from "@/lib/server/app-context";
import { route } from "@/lib/server/auth/route";
import { sharedImageResponse } from "@/lib/server/shares/shared-image";

export const dynamic = "force-dynamic";

/** A PNG mask of the shared recipe by overlay layer ("static", "region-0", …): the page's overlay draws it. */
export const GET = route({ access: "public" }, async (_request, { params }: { params: Promise<{ slug: string; key: string }> }) => {
  const { slug, key } = await params;
  const { tasks } = await getApp();
  return sharedImageResponse(await tasks.shares.mask(slug, key));
});
