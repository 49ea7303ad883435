import { getEnv } from "@/lib/server/env";
import { MAX_REGIONS, MAX_TEXT_LENGTH } from "@/lib/recipe/schema";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

/** What the UI may know about this server: never a secret. */
export const GET = route({ access: "user" }, async () => {
  const env = getEnv();
  return Response.json({
    providers: { preview: true, kling: env.hasKlingCredentials },
    defaultProvider: env.hasKlingCredentials ? "kling" : "preview",
    limits: {
      maxRegions: MAX_REGIONS,
      maxTextLength: MAX_TEXT_LENGTH,
      maxTrajectoryPoints: 77,
      minTrajectoryPoints: 2,
      minImageSide: 300,
      minAspect: 0.4,
      maxAspect: 2.5,
      maxImageBytes: 10 * 1024 * 1024,
    },
  });
});
