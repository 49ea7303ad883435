import * as z from "@/lib/validation/zod";
import { searchSchema } from "@/lib/library/list-order";
import { PROVIDERS } from "@/lib/recipe/schema";
import { UNFINISHED_STATUSES, type TaskStatus } from "./public-task";

/** The library's filters as query parameters, read by the page (server) and the filter links (browser). */

export const LIBRARY_STATUS_FILTERS = ["succeed", "running", "failed"] as const;
export type LibraryStatusFilter = (typeof LIBRARY_STATUS_FILTERS)[number];
/** A filter value that is absent, or ignored when it is not one we know. */
const ignored = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);

export const libraryFilterSchema = z.object({
  status: ignored(z.enum(LIBRARY_STATUS_FILTERS)),
  provider: ignored(z.enum(PROVIDERS)),
  /** "all": everyone's tasks (offered to the owner only); absent: one's own. */
  scope: ignored(z.enum(["all"])),
  /** Words in the title or prompt; searched by the server over every page, not only the loaded ones. */
  q: ignored(searchSchema),
  /** Absent: newest first. */
  sort: ignored(z.enum(["oldest", "title"])),
});
/** Unknown values are ignored rather than refused: a hand-edited URL still shows the library. */
export type LibraryFilter = z.infer<typeof libraryFilterSchema>;

export function libraryHref(filter: LibraryFilter): string {
  const params = new URLSearchParams();
  if (filter.status) params.set("status", filter.status);
  if (filter.provider) params.set("provider", filter.provider);
  if (filter.scope) params.set("scope", filter.scope);
  if (filter.q) params.set("q", filter.q);
  if (filter.sort) params.set("sort", filter.sort);
  const query = params.toString();
  return query ? `/library?${query}` : "/library";
}

/** The task statuses a library status filter stands for. */
export function statusesFor(status: LibraryStatusFilter | undefined): TaskStatus[] | undefined {
  if (status === "running") return [...UNFINISHED_STATUSES];
  return status ? [status] : undefined;
}
