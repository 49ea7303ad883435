import { describe, expect, it } from "vitest";
import type { VectorMask } from "@/lib/recipe/schema";
import { maskToSvg } from "./svg";

const size = { width: 1280, height: 720 };

function elements(svg: string): string[] {
  return [...svg.matchAll(/<(rect|polyline|polygon|circle)\b[^>]*\/>/g)].map((match) => match[0]);
}

describe("maskToSvg", () => {
  it("is one SVG document of the image's exact size on a black background", () => {
    const svg = maskToSvg({ strokes: [] }, size);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1280" height="720" viewBox="0 0 1280 720">/);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(elements(svg)).toEqual(['<rect x="0" y="0" width="1280" height="720" fill="#000000"/>']);
  });

  it("draws shapes in order: paint white, erase black, strokes round-capped at the brush size", () => {
    const mask: VectorMask = {
      strokes: [
        { op: "paint", size: 40, points: [{ x: 10, y: 20 }, { x: 90.125, y: 20 }] },
        { op: "paint", polygon: [{ x: 100, y: 100 }, { x: 200, y: 100 }, { x: 150, y: 180 }] },
        { op: "erase", size: 8, points: [{ x: 50, y: 0 }, { x: 50, y: 40 }, { x: 60, y: 40 }] },
        { op: "erase", polygon: [{ x: 120, y: 110 }, { x: 130, y: 110 }, { x: 125, y: 120 }] },
      ],
    };
    expect(elements(maskToSvg(mask, size))).toEqual([
      '<rect x="0" y="0" width="1280" height="720" fill="#000000"/>',
      '<polyline points="10,20 90.13,20" fill="none" stroke="#ffffff" stroke-width="40" stroke-linecap="round" stroke-linejoin="round"/>',
      '<polygon points="100,100 200,100 150,180" fill="#ffffff" fill-rule="nonzero"/>',
      '<polyline points="50,0 50,40 60,40" fill="none" stroke="#000000" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>',
      '<polygon points="120,110 130,110 125,120" fill="#000000" fill-rule="nonzero"/>',
    ]);
  });

  it.each([
    { name: "a single point", points: [{ x: 30, y: 40 }] },
    { name: "a repeated point", points: [{ x: 30, y: 40 }, { x: 30, y: 40 }] },
  ])("draws $name as a dot of the brush's diameter", ({ points }) => {
    const svg = maskToSvg({ strokes: [{ op: "paint", size: 25, points }] }, size);
    expect(elements(svg)[1]).toBe('<circle cx="30" cy="40" r="12.5" fill="#ffffff"/>');
  });

  it("uses the given colours, escaped", () => {
    const svg = maskToSvg({ strokes: [{ op: "paint", size: 2, points: [{ x: 1, y: 1 }] }] }, size, { paint: "rgb(255,0,0)", background: 'x"y' });
    expect(svg).toContain('fill="x&quot;y"');
    expect(svg).toContain('fill="rgb(255,0,0)"');
  });

  it("never writes exponents or negative zero", () => {
    const svg = maskToSvg({ strokes: [{ op: "paint", size: 3, points: [{ x: 1e-9, y: -1e-9 }, { x: 1e21 / 1e17, y: 5 }] }] }, size);
    expect(svg).toContain('points="0,0 10000,5"');
  });
});
