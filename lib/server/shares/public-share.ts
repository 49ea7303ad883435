import "server-only";
import type { Recipe } from "@/lib/recipe/schema";
import type { AssetRow, ShareRow } from "../storage/db";
import type { StoredVideo } from "../tasks/public-task";

/** A frame as the editor's document knows it (`FrameRef`), so a remix needs no image decoding. */
export type ShareFrame = { assetId: string; width: number; height: number; url: string };

/** What the owner sees of a link: `POST /api/tasks/:id/share` answers `{share: ShareSummary}`. */
export type ShareSummary = { slug: string; url: string; showPrompt: boolean; createdAt: string };

/**
 * What anyone holding the link may see (`GET /api/shares/:slug` and the `/s/:slug` page): a copy of the
 * recipe for remixing, its frames and the video served by slug. No task id, no upstream id or URL,
 * no status or cost: nothing that names or reaches anything but this one result.
 */
export type PublicShare = ShareSummary & {
  recipe: Recipe;
  frames: { start: ShareFrame | null; tail: ShareFrame | null };
  video: { url: string; posterUrl: string; durationS: number; width: number; height: number };
};

export const SLUG_LENGTH = 21;

/**
 * Files behind a link may sit in caches (and chat apps' unfurl proxies) for five minutes at most;
 * our own server stops serving them the moment the link is revoked.
 */
export const SHARED_FILE_CACHE = "public, max-age=300";
const SLUG_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${SLUG_LENGTH}}$`);

/** Rejects what could never be a slug before touching the database. */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

export const sharePath = (slug: string) => `/s/${slug}`;
export const shareVideoPath = (slug: string) => `/api/shares/${slug}/video`;
export const sharePosterPath = (slug: string) => `/api/shares/${slug}/poster`;

/** Absolute when the public base URL is known (design.md §2), else relative to this host. */
export function shareUrl(slug: string, publicBaseUrl: string | undefined): string {
  return publicBaseUrl ? `${publicBaseUrl.replace(/\/+$/, "")}${sharePath(slug)}` : sharePath(slug);
}

/**
 * The origin link previews must use (Open Graph wants absolute URLs): PUBLIC_BASE_URL when set, else
 * the host the request came in on, so a link opened on a LAN address unfurls with that address.
 */
export function requestOrigin(headers: Headers, publicBaseUrl: string | undefined, fallback: string): string {
  if (publicBaseUrl) return new URL(publicBaseUrl).origin;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host) || !/^https?$/.test(proto)) return fallback;
  return `${proto}://${host}`;
}

export function toShareSummary(row: ShareRow, publicBaseUrl: string | undefined): ShareSummary {
  return { slug: row.slug, url: shareUrl(row.slug, publicBaseUrl), showPrompt: row.show_prompt === 1, createdAt: row.created_at };
}

function toFrame(asset: AssetRow | null): ShareFrame | null {
  return asset ? { assetId: asset.id, width: asset.width, height: asset.height, url: `/api/assets/${asset.id}` } : null;
}

type PublicShareInput = {
  row: ShareRow;
  recipe: Recipe;
  video: StoredVideo;
  start: AssetRow | null;
  tail: AssetRow | null;
  publicBaseUrl: string | undefined;
};

export function toPublicShare({ row, recipe, video, start, tail, publicBaseUrl }: PublicShareInput): PublicShare {
  const summary = toShareSummary(row, publicBaseUrl);
  // A hidden prompt stays hidden in the remix too: the copy must not leak what the page does not show.
  const copy: Recipe = summary.showPrompt ? { ...recipe } : { ...recipe, prompt: "", negativePrompt: "" };
  return {
    ...summary,
    recipe: copy,
    frames: { start: toFrame(start), tail: toFrame(tail) },
    video: { url: shareVideoPath(row.slug), posterUrl: sharePosterPath(row.slug), durationS: video.durationS, width: video.width, height: video.height },
  };
}
