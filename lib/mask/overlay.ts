import { REGION_COLORS, STATIC_MASK_COLOR, regionLabel } from "@/lib/editor/document";
import type { Size } from "@/lib/geometry/types";
import { maskToSvg } from "@/lib/mask/svg";
import { isAssetMask, isEmptyMask, type ImagePoint, type Mask, type Recipe } from "@/lib/recipe/schema";

/**
 * What the share page draws over the start frame: each mask as a tinted area and each trajectory as
 * an arrow, in image pixels (the SVG's viewBox is the frame's size). Masks go through `maskToSvg`, the
 * same function the server rasterises, so the page shows exactly what was sent.
 */
export type OverlayLayer = {
  key: string;
  label: string;
  color: string;
  /** A luminance mask image (white = painted): a data URI for vector masks, the share's mask URL for PNG masks. */
  maskHref: string | null;
  /** SVG `points` of the path, when there is one (at least two distinct points). */
  path: string | null;
  start: ImagePoint | null;
};

export type Overlay = { width: number; height: number; strokeWidth: number; layers: OverlayLayer[] };

/** `assetUrl` is where a PNG mask is served from: by share slug and layer, never by asset id. */
export function maskHref(mask: Mask | null, size: Size, assetUrl: string): string | null {
  if (!mask || isEmptyMask(mask)) return null;
  if (isAssetMask(mask)) return assetUrl;
  return `data:image/svg+xml,${encodeURIComponent(maskToSvg(mask, size, { paint: "#ffffff", background: "#000000" }))}`;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function pathPoints(points: readonly ImagePoint[]): string | null {
  const first = points[0];
  if (!first || points.every((point) => point.x === first.x && point.y === first.y)) return null;
  return points.map((point) => `${round2(point.x)},${round2(point.y)}`).join(" ");
}

/**
 * Lines about 1/90 of the short side: the frame is shown a few hundred pixels wide beside the video,
 * so this reads as 2–3 screen pixels whatever the frame's resolution.
 */
export function overlayStrokeWidth(size: Size): number {
  return Math.max(3, Math.round(Math.min(size.width, size.height) / 90));
}

export function buildOverlay(recipe: Pick<Recipe, "staticMask" | "regions">, size: Size, maskUrl: (layerKey: string) => string): Overlay {
  const layers: OverlayLayer[] = [];
  const staticHref = maskHref(recipe.staticMask, size, maskUrl("static"));
  if (staticHref) layers.push({ key: "static", label: "Static area", color: STATIC_MASK_COLOR, maskHref: staticHref, path: null, start: null });
  recipe.regions.forEach((region, index) => {
    const key = `region-${index}`;
    layers.push({
      key,
      label: regionLabel(index),
      color: REGION_COLORS[index % REGION_COLORS.length]!,
      maskHref: maskHref(region.mask, size, maskUrl(key)),
      path: pathPoints(region.trajectory),
      start: region.trajectory[0] ?? null,
    });
  });
  return { width: size.width, height: size.height, strokeWidth: overlayStrokeWidth(size), layers };
}
