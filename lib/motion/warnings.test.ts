import { describe, expect, it } from "vitest";
import type { Region, VectorMask } from "@/lib/recipe/schema";
import { motionWarnings } from "./warnings";

const FRAME = { width: 800, height: 400 };
const box = (x: number, y: number, w: number, h: number): VectorMask => ({
  strokes: [{ op: "paint", polygon: [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }] }],
});
const region = (mask: VectorMask, trajectory: Region["trajectory"]): Region => ({ name: "", mask, trajectory, easing: "linear", curve: "straight" });
const STATIC = box(400, 0, 100, 400);

describe("motionWarnings", () => {
  it("says nothing about a region that moves in free space", () => {
    expect(motionWarnings({ staticMask: STATIC, regions: [region(box(50, 50, 60, 60), [{ x: 80, y: 80 }, { x: 300, y: 200 }])] }, FRAME)).toEqual([]);
  });

  it("marks where a path runs into the static mask", () => {
    const warnings = motionWarnings({ staticMask: STATIC, regions: [region(box(50, 50, 60, 60), [{ x: 80, y: 80 }, { x: 700, y: 80 }])] }, FRAME);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ kind: "path-enters-static", region: 0 });
    expect(warnings[0]!.at.x).toBeGreaterThanOrEqual(400);
    expect(warnings[0]!.at.x).toBeLessThan(420);
  });

  it("marks where a path leaves the frame, on the edge", () => {
    const warnings = motionWarnings({ staticMask: null, regions: [region(box(50, 50, 60, 60), [{ x: 80, y: 80 }, { x: 80, y: -150 }])] }, FRAME);
    expect(warnings).toEqual([{ kind: "path-leaves-frame", region: 0, at: { x: 80, y: 0 } }]);
  });

  it("finds two regions that overlap, and a region painted into the static mask, at the shared pixels", () => {
    const still = [{ x: 10, y: 10 }, { x: 11, y: 10 }];
    const warnings = motionWarnings({ staticMask: STATIC, regions: [region(box(100, 100, 100, 100), still), region(box(150, 150, 100, 100), still), region(box(450, 20, 100, 40), [{ x: 500, y: 40 }, { x: 500, y: 41 }])] }, FRAME);
    const overlaps = warnings.filter((w) => w.kind === "regions-overlap");
    expect(overlaps).toEqual([{ kind: "regions-overlap", region: 0, other: 1, at: expect.objectContaining({}) }]);
    expect(overlaps[0]!.at.x).toBeCloseTo(175, -1);
    expect(overlaps[0]!.at.y).toBeCloseTo(175, -1);
    const onStatic = warnings.find((w) => w.kind === "region-overlaps-static");
    expect(onStatic).toMatchObject({ region: 2 });
    expect(onStatic!.at.x).toBeCloseTo(475, -1);
  });

  it("ignores an erased overlap and uploaded masks", () => {
    const erased: VectorMask = { strokes: [...box(100, 100, 100, 100).strokes, { op: "erase", polygon: [{ x: 140, y: 140 }, { x: 210, y: 140 }, { x: 210, y: 210 }, { x: 140, y: 210 }] }] };
    const still = [{ x: 10, y: 10 }, { x: 11, y: 10 }];
    expect(motionWarnings({ staticMask: null, regions: [region(erased, still), region(box(150, 150, 50, 50), still)] }, FRAME)).toEqual([]);
    expect(motionWarnings({ staticMask: { asset: "abcdefgh12" }, regions: [region(box(150, 150, 50, 50), [{ x: 175, y: 175 }, { x: 700, y: 175 }])] }, FRAME)).toEqual([]);
  });
});
