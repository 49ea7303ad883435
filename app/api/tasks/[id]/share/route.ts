import { z } from "zod";
import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { AppError, fromZodError } from "@/lib/server/app-error";
import { readLimitedBody } from "@/lib/server/read-body";
import { route } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const shareBody = z.object({ showPrompt: z.boolean().default(false) }).strict();

/** An empty body means the defaults (prompt hidden); anything else must be the JSON object above. */
async function readOptions(request: Request): Promise<z.infer<typeof shareBody>> {
  const raw = await readLimitedBody(request, 1024 * 1024);
  let input: unknown = {};
  if (raw.length > 0) {
    try {
      input = JSON.parse(raw.toString("utf8"));
    } catch {
      throw new AppError("invalid-json", 400, "body: is not valid JSON");
    }
  }
  const parsed = shareBody.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/** Creates the task's public link (201), or returns its live one with the prompt setting updated (200). */
export const POST = route({ access: "user" }, async (request, { params }: Context) => {
  const { id } = await params;
  const options = await readOptions(request);
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  const { share, created } = await tasks.shares.create(viewer, id, options);
  return Response.json({ share }, { status: created ? 201 : 200 });
});

/** The task's live links, for the owner's library. */
export const GET = route({ access: "user" }, async (request, { params }: Context) => {
  const { id } = await params;
  const viewer = await viewerFrom(request);
  const { tasks } = await getApp();
  return Response.json({ shares: await tasks.shares.listForTask(viewer, id) }, { headers: { "cache-control": "no-store" } });
});
