"use server";

import { z } from "zod";
import { libraryFilterSchema, statusesFor, type LibraryFilter } from "@/lib/tasks/library-filter";
import type { Task } from "@/lib/tasks/public-task";
import { headers } from "next/headers";
import { listScope } from "@/lib/server/access/viewer";
import { viewerFrom } from "@/lib/server/access/request-viewer";
import { getApp } from "@/lib/server/app-context";
import { requireActionCaller } from "@/lib/server/auth/page-access";

export type LibraryPage = { tasks: Task[]; nextCursor: string | null };

const PAGE_SIZE = 24;
const pageInput = z.object({ filter: libraryFilterSchema, cursor: z.string().max(200).optional() });

/** One page of the caller's library, sorted and filtered by its query parameters ("Load more" calls it too). */
export async function loadLibraryPage(filter: LibraryFilter, cursor?: string): Promise<LibraryPage> {
  await requireActionCaller();
  const input = pageInput.parse({ filter, cursor });
  const viewer = await viewerFrom({ headers: await headers() });
  const { tasks } = await getApp();
  // A member's `scope=all` (typed into the URL) falls back to their own tasks rather than failing the page.
  const scope = viewer.role === "owner" ? listScope(viewer, input.filter.scope) : "own";
  const page = await tasks.list(viewer, scope, PAGE_SIZE, input.cursor, {
    statuses: statusesFor(input.filter.status),
    provider: input.filter.provider,
    search: input.filter.q,
  }, input.filter.sort ?? "newest");
  return { tasks: page.tasks, nextCursor: page.nextCursor };
}
