/**
 * Geometry vocabulary. Everything stored is in image pixels with the origin at the start frame's
 * top-left (`ImagePoint`). `StagePoint` is editor/screen space and exists only in the editor; it is
 * branded so a stage point cannot be passed where an image point is expected by accident.
 */
export type { ImagePoint } from "@/lib/recipe/schema";

declare const stageBrand: unique symbol;

/** A point in the editor's stage (screen) space. Build one with `stagePoint`. */
export type StagePoint = { readonly x: number; readonly y: number; readonly [stageBrand]: true };

export type Size = { width: number; height: number };

/** Maps image space to stage space: stage = image × scale + (x, y). */
export type Viewport = { scale: number; x: number; y: number };

export type Rect = { x: number; y: number; width: number; height: number };

export function stagePoint(x: number, y: number): StagePoint {
  return { x, y } as StagePoint;
}
