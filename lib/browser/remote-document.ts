import type { FrameRef, Frames } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";
import { assetUrl } from "./api";
import type { Task } from "@/lib/tasks/public-task";
import { getTask } from "./api";
import { remixShare, type Remix } from "./library-api";

/**
 * How the editor opens a document that lives on the server, by URL:
 *   `/?remix=<slug>` — a copy of a shared recipe, its frames copied into your assets (POST …/remix),
 *   `/?task=<id>`    — reopen one of your tasks exactly as it was sent (from the library).
 * The editor calls `loadRemoteDocument(location.search)` once on mount, turns the result into a
 * document with `documentFromRecipe(recipe, frames)`, replaces its document (undo returns to the
 * draft), then drops the parameter with `history.replaceState(null, "", withoutRemoteParams(href))`
 * so a reload does not overwrite later edits.
 */

export const REMOTE_PARAMS = ["remix", "task"] as const;

export type RemoteRequest = { kind: "remix"; slug: string } | { kind: "task"; id: string };
export type RemoteDocument = { kind: RemoteRequest["kind"]; recipe: Recipe; frames: Frames };

/** Which document the URL asks for; `remix` wins if both are present. Blank values ask for nothing. */
export function remoteRequest(search: string | URLSearchParams): RemoteRequest | null {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const slug = params.get("remix")?.trim();
  if (slug) return { kind: "remix", slug };
  const id = params.get("task")?.trim();
  if (id) return { kind: "task", id };
  return null;
}

/** The same URL without `remix`/`task`, for `history.replaceState` once the document is open. */
export function withoutRemoteParams(href: string): string {
  const url = new URL(href);
  for (const name of REMOTE_PARAMS) url.searchParams.delete(name);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Decodes an image to learn its size: a task's recipe names its frames but not their sizes. */
export async function measureImage(url: string): Promise<{ width: number; height: number }> {
  const image = new window.Image();
  image.src = url;
  await image.decode();
  return { width: image.naturalWidth, height: image.naturalHeight };
}

export type RemoteDeps = {
  remix: (slug: string, signal?: AbortSignal) => Promise<Remix>;
  getTask: (id: string, signal?: AbortSignal) => Promise<Task>;
  measure: (url: string) => Promise<{ width: number; height: number }>;
};

const defaultDeps: RemoteDeps = { remix: remixShare, getTask, measure: measureImage };

async function frameOf(assetId: string | null, measure: RemoteDeps["measure"]): Promise<FrameRef | null> {
  if (!assetId) return null;
  const url = assetUrl(assetId);
  return { assetId, url, ...(await measure(url)) };
}

/**
 * Fetches the document the URL asks for, or null when it asks for none. Failures reject with the
 * client's `ApiError` (e.g. 404 "This share link does not exist or was revoked."), for a toast.
 */
export async function loadRemoteDocument(search: string | URLSearchParams, deps: Partial<RemoteDeps> = {}, signal?: AbortSignal): Promise<RemoteDocument | null> {
  const { remix, getTask, measure } = { ...defaultDeps, ...deps };
  const request = remoteRequest(search);
  if (!request) return null;
  if (request.kind === "remix") {
    // The remix carries frame sizes, so it opens without decoding images first.
    const copy = await remix(request.slug, signal);
    return { kind: "remix", recipe: { ...copy.recipe }, frames: { start: copy.frames.start, tail: copy.frames.tail } };
  }
  const task = await getTask(request.id, signal);
  const [start, tail] = await Promise.all([frameOf(task.recipe.startFrame, measure), frameOf(task.recipe.tailFrame, measure)]);
  return { kind: "task", recipe: task.recipe, frames: { start, tail } };
}
