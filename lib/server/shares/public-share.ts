import "server-only";
import { isAssetMask, type Mask, type Recipe } from "@/lib/recipe/schema";
import type { AssetRow, ShareRow } from "../storage/db";
import type { StoredVideo } from "../tasks/public-task";

/** A frame of a public share, served by slug: no asset id leaves for someone who does not own it. */
export type ShareFrame = { width: number; height: number; url: string };
/** A frame as the editor's document knows it (`FrameRef`): what a signed-in remixer gets, now owning it. */
export type RemixFrame = ShareFrame & { assetId: string };
export type Remix = { recipe: Recipe; frames: { start: RemixFrame | null; tail: RemixFrame | null } };

/** What the owner sees of a link: `POST /api/tasks/:id/share` answers `{share: ShareSummary}`. */
export type ShareSummary = { slug: string; url: string; showPrompt: boolean; createdAt: string };

/**
 * What anyone holding the link may see (`GET /api/shares/:slug` and the `/s/:slug` page): the recipe's
 * settings, its frames and the video served by slug. No task id, no asset id, no upstream id or URL,
 * no status or cost: nothing that names or reaches anything but this one result. The full recipe, with
 * frames copied into the remixer's assets, comes from `POST /api/shares/:slug/remix` (signed in).
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
export type FrameKind = "frame" | "tail";
export const shareFramePath = (slug: string, kind: FrameKind) => `/api/shares/${slug}/${kind}`;
/** A PNG mask of the recipe by overlay layer key ("static", "region-0", …). */
export const shareMaskPath = (slug: string, layerKey: string) => `/api/shares/${slug}/masks/${layerKey}`;

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

function toFrame(asset: AssetRow | null, url: string): ShareFrame | null {
  return asset ? { width: asset.width, height: asset.height, url } : null;
}

/** The recipe without asset ids: frames become null and PNG masks empty (the page draws them by slug). */
export function withoutAssets(recipe: Recipe): Recipe {
  const strip = (mask: Mask): Mask => (isAssetMask(mask) ? { strokes: [] } : mask);
  return {
    ...recipe,
    startFrame: null,
    tailFrame: null,
    staticMask: recipe.staticMask && isAssetMask(recipe.staticMask) ? null : recipe.staticMask,
    regions: recipe.regions.map((region) => ({ ...region, mask: strip(region.mask) })),
  };
}

/** A hidden prompt stays hidden in every copy: a remix must not leak what the page does not show. */
export function sharedRecipe(recipe: Recipe, showPrompt: boolean): Recipe {
  return showPrompt ? { ...recipe } : { ...recipe, prompt: "", negativePrompt: "" };
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
  return {
    ...summary,
    recipe: withoutAssets(sharedRecipe(recipe, summary.showPrompt)),
    frames: { start: toFrame(start, shareFramePath(row.slug, "frame")), tail: toFrame(tail, shareFramePath(row.slug, "tail")) },
    video: { url: shareVideoPath(row.slug), posterUrl: sharePosterPath(row.slug), durationS: video.durationS, width: video.width, height: video.height },
  };
}
