/** fast-check generators shared by the geometry and mask tests. */
import fc from "fast-check";
import type { ImagePoint } from "./types";

export const coordinateArb = fc.double({ min: -2000, max: 2000, noNaN: true, noDefaultInfinity: true });
export const pointArb: fc.Arbitrary<ImagePoint> = fc.record({ x: coordinateArb, y: coordinateArb });
/** Integer points make duplicates and collinear runs likely, which is where path code breaks. */
export const gridPointArb: fc.Arbitrary<ImagePoint> = fc.record({ x: fc.integer({ min: 0, max: 40 }), y: fc.integer({ min: 0, max: 40 }) });
export const pathArb = fc.array(fc.oneof(pointArb, gridPointArb), { minLength: 2, maxLength: 300 });

export function distinctCount(points: readonly ImagePoint[]): number {
  return new Set(points.map((point) => `${point.x},${point.y}`)).size;
}
