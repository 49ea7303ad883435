import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskToSvg } from "@/lib/mask/svg";
import type { MaskShape, VectorMask } from "@/lib/recipe/schema";
import { drawMaskOps, maskOps, type MaskContext } from "./mask-ops";

const p = (x: number, y: number) => ({ x, y });

describe("maskOps", () => {
  it("turns strokes, dots and fills into canvas steps, in order, keeping erase", () => {
    const mask: VectorMask = {
      strokes: [
        { op: "paint", size: 40, points: [p(10, 10), p(50, 10)] },
        { op: "paint", size: 12, points: [p(5, 5), p(5, 5)] },
        { op: "erase", polygon: [p(0, 0), p(20, 0), p(0, 20)] },
      ],
    };
    expect(maskOps(mask)).toEqual([
      { kind: "line", erase: false, points: [p(10, 10), p(50, 10)], width: 40 },
      { kind: "dot", erase: false, x: 5, y: 5, radius: 6 },
      { kind: "polygon", erase: true, points: [p(0, 0), p(20, 0), p(0, 20)] },
    ]);
  });

  it("leaves out erasing before anything is painted (it removes nothing)", () => {
    const erase: MaskShape = { op: "erase", size: 10, points: [p(1, 1), p(2, 2)] };
    expect(maskOps({ strokes: [erase] })).toEqual([]);
    expect(maskOps({ strokes: [erase, { op: "paint", size: 4, points: [p(3, 3)] }] })).toHaveLength(1);
  });

  it("draws the same shapes the server's SVG has, in the same order", () => {
    const point = fc.record({ x: fc.integer({ min: 0, max: 200 }), y: fc.integer({ min: 0, max: 100 }) });
    const shape: fc.Arbitrary<MaskShape> = fc.oneof(
      fc.record({ op: fc.constantFrom("paint" as const, "erase" as const), size: fc.integer({ min: 1, max: 50 }), points: fc.array(point, { minLength: 1, maxLength: 5 }) }),
      fc.record({ op: fc.constantFrom("paint" as const, "erase" as const), polygon: fc.array(point, { minLength: 3, maxLength: 6 }) }),
    );
    const svgKind: Record<string, string> = { circle: "dot", polyline: "line", polygon: "polygon" };
    fc.assert(
      fc.property(fc.array(shape, { maxLength: 8 }), (strokes) => {
        const mask = { strokes: [{ op: "paint" as const, size: 5, points: [p(1, 1)] }, ...strokes] };
        const svg = maskToSvg(mask, { width: 200, height: 100 });
        const inSvg = [...svg.matchAll(/<(circle|polyline|polygon)[^>]*fill="(#[0-9a-f]+|none)"(?:[^>]*stroke="(#[0-9a-f]+)")?/g)].map(
          ([, element, fill, stroke]) => `${svgKind[element!]}:${(stroke ?? fill) === "#000000" ? "erase" : "paint"}`,
        );
        expect(maskOps(mask).map((op) => `${op.kind}:${op.erase ? "erase" : "paint"}`)).toEqual(inSvg);
      }),
    );
  });
});

describe("drawMaskOps", () => {
  it("paints with source-over and erases with destination-out, with round caps and joins", () => {
    const calls: string[] = [];
    const ctx = {
      set globalCompositeOperation(value: string) {
        calls.push(`gco ${value}`);
      },
      set lineWidth(value: number) {
        calls.push(`width ${value}`);
      },
      set lineCap(value: string) {
        calls.push(`cap ${value}`);
      },
      set lineJoin(value: string) {
        calls.push(`join ${value}`);
      },
      fillStyle: "",
      strokeStyle: "",
      beginPath: () => calls.push("begin"),
      moveTo: (x: number, y: number) => calls.push(`move ${x},${y}`),
      lineTo: (x: number, y: number) => calls.push(`line ${x},${y}`),
      arc: (x: number, y: number, r: number) => calls.push(`arc ${x},${y} r${r}`),
      closePath: () => calls.push("close"),
      fill: (rule?: string) => calls.push(`fill${rule ? ` ${rule}` : ""}`),
      stroke: () => calls.push("stroke"),
    } as unknown as MaskContext;
    drawMaskOps(ctx, [
      { kind: "line", erase: false, points: [p(0, 0), p(10, 0)], width: 8 },
      { kind: "dot", erase: true, x: 3, y: 4, radius: 2 },
      { kind: "polygon", erase: false, points: [p(0, 0), p(4, 0), p(0, 4)] },
    ]);
    expect(calls).toEqual([
      "cap round",
      "join round",
      "gco source-over",
      "begin",
      "move 0,0",
      "line 10,0",
      "width 8",
      "stroke",
      "gco destination-out",
      "begin",
      "arc 3,4 r2",
      "fill",
      "gco source-over",
      "begin",
      "move 0,0",
      "line 4,0",
      "line 0,4",
      "close",
      "fill nonzero",
      "gco source-over",
    ]);
  });
});
