/**
 * Vector mask → one SVG document of the image's exact size: background first, then every shape in
 * order — paint shapes in the paint colour, erase shapes in the background colour — so a later erase
 * removes earlier paint and a later paint covers an erase. This is THE function the server rasterises;
 * the editor draws the same shapes with Konva (round caps and joins, nonzero fill), so they agree.
 */
import type { Size } from "@/lib/geometry/types";
import type { ImagePoint, MaskShape, VectorMask } from "@/lib/recipe/schema";
import { isFill } from "@/lib/recipe/schema";

export type SvgOptions = { paint?: string; background?: string };

/** Two decimals is far below a pixel and keeps a 5000-point stroke's markup small. */
function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

function formatPoints(points: readonly ImagePoint[]): string {
  return points.map((point) => `${formatNumber(point.x)},${formatNumber(point.y)}`).join(" ");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function isSinglePoint(points: readonly ImagePoint[]): boolean {
  const first = points[0];
  return !first || points.every((point) => point.x === first.x && point.y === first.y);
}

function shapeToSvg(shape: MaskShape, colour: string): string {
  if (isFill(shape)) {
    return `<polygon points="${formatPoints(shape.polygon)}" fill="${colour}" fill-rule="nonzero"/>`;
  }
  const first = shape.points[0];
  if (!first) return "";
  // A click without movement is a dot; renderers disagree on zero-length round-capped lines.
  if (isSinglePoint(shape.points)) {
    return `<circle cx="${formatNumber(first.x)}" cy="${formatNumber(first.y)}" r="${formatNumber(shape.size / 2)}" fill="${colour}"/>`;
  }
  return (
    `<polyline points="${formatPoints(shape.points)}" fill="none" stroke="${colour}" ` +
    `stroke-width="${formatNumber(shape.size)}" stroke-linecap="round" stroke-linejoin="round"/>`
  );
}

export function maskToSvg(mask: VectorMask, size: Size, options: SvgOptions = {}): string {
  const paint = escapeAttribute(options.paint ?? "#ffffff");
  const background = escapeAttribute(options.background ?? "#000000");
  const { width, height } = size;
  const shapes = mask.strokes.map((shape) => shapeToSvg(shape, shape.op === "paint" ? paint : background)).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${background}"/>` +
    shapes +
    `</svg>`
  );
}
