import { z } from "zod";
import { DURATIONS, MODEL_NAMES, MODES, PROVIDERS } from "@/lib/recipe/schema";
import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import {fromZodError } from "@/lib/server/app-error";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

const estimateQuery = z.object({
  provider: z.enum(PROVIDERS).optional(),
  model: z.enum(MODEL_NAMES),
  mode: z.enum(MODES),
  duration: z.enum(DURATIONS),
});

/** `{samples, typicalSeconds, typicalUnits}` from the caller's own finished tasks; nulls when there are none. */
export const GET = route({ access: "user" }, async (request) => {
  const parsed = estimateQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw fromZodError(parsed.error);
  const { provider, ...key } = parsed.data;
  const viewer = await viewerFrom(request);
  const { env, tasks } = await getApp();
  const estimate = await tasks.estimate(viewer, provider ?? (env.hasKlingCredentials ? "kling" : "preview"), key);
  return Response.json(estimate, { headers: { "cache-control": "no-store" } });
});
