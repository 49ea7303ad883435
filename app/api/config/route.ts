import { getEnv } from "@/lib/server/env";
import { MAX_ASPECT, MAX_IMAGE_BYTES, MAX_TRAJECTORY_POINTS, MIN_ASPECT, MIN_IMAGE_SIDE, MIN_TRAJECTORY_POINTS } from "@/lib/kling/contract";
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
      maxTrajectoryPoints: MAX_TRAJECTORY_POINTS,
      minTrajectoryPoints: MIN_TRAJECTORY_POINTS,
      minImageSide: MIN_IMAGE_SIDE,
      minAspect: MIN_ASPECT,
      maxAspect: MAX_ASPECT,
      maxImageBytes: MAX_IMAGE_BYTES,
    },
  });
});
