import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_POINTS } from "@/lib/recipe/schema";
import { pointInPolygon, polygonArea, signedArea } from "./polygon";
import { floodFill, smartSelect, traceOuterBoundary, type RgbaImage } from "./smart-select";

type Rgba = readonly [number, number, number, number];
const WHITE: Rgba = [255, 255, 255, 255];
const BLACK: Rgba = [0, 0, 0, 255];

/** Builds an image from rows of characters: "#" = black, "." = white. */
function fromArt(rows: readonly string[]): RgbaImage {
  const height = rows.length;
  const width = rows[0]!.length;
  const data = new Uint8ClampedArray(width * height * 4);
  rows.forEach((row, y) => [...row].forEach((char, x) => data.set(char === "#" ? BLACK : WHITE, (y * width + x) * 4)));
  return { data, width, height };
}

function toArt(mask: Uint8Array, width: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < mask.length; i += width) rows.push([...mask.subarray(i, i + width)].map((v) => (v ? "#" : ".")).join(""));
  return rows;
}

/** Reference fill: plain BFS over 4-neighbours, obviously correct, slow. */
function referenceFill(image: RgbaImage, sx: number, sy: number, tolerance: number): Uint8Array {
  const { data, width, height } = image;
  const out = new Uint8Array(width * height);
  const seed = data.slice((sy * width + sx) * 4, (sy * width + sx) * 4 + 4);
  const limit = ((tolerance / 100) * 510) ** 2;
  const ok = (i: number) => [0, 1, 2, 3].reduce((sum, c) => sum + (data[i * 4 + c]! - seed[c]!) ** 2, 0) <= limit;
  const queue = [sy * width + sx];
  out[sy * width + sx] = 1;
  while (queue.length) {
    const i = queue.shift()!;
    const x = i % width;
    const y = Math.floor(i / width);
    for (const [nx, ny] of [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]] as const) {
      const j = ny * width + nx;
      if (nx >= 0 && ny >= 0 && nx < width && ny < height && !out[j] && ok(j)) {
        out[j] = 1;
        queue.push(j);
      }
    }
  }
  return out;
}

const art = [
  "........",
  ".##.....",
  ".##..#..",
  ".####...",
  "......#.",
  "..#.....",
];

describe("floodFill", () => {
  it("fills the 4-connected region of the seed colour only (diagonal neighbours excluded)", () => {
    const image = fromArt(art);
    expect(toArt(floodFill(image, { x: 1.7, y: 1.2 }, 0), image.width)).toEqual([
      "........",
      ".##.....",
      ".##.....",
      ".####...",
      "........",
      "........",
    ]);
  });

  it("fills around obstacles, reaching every side of a concave region", () => {
    const image = fromArt(art);
    const mask = floodFill(image, { x: 0, y: 0 }, 0);
    expect(toArt(mask, image.width)).toEqual(["########", "#..#####", "#..##.##", "#....###", "######.#", "##.#####"]);
  });

  it.each([
    { tolerance: 0, filled: 1 },
    { tolerance: 4, filled: 5 },
    { tolerance: 100, filled: 16 },
  ])("widens with tolerance $tolerance", ({ tolerance, filled }) => {
    // A horizontal ramp: red rises by 5 per column, so distance to column 0 is 5 × column.
    const width = 16;
    const data = new Uint8ClampedArray(width * 4);
    for (let x = 0; x < width; x++) data.set([x * 5, 0, 0, 255], x * 4);
    const mask = floodFill({ data, width, height: 1 }, { x: 0, y: 0 }, tolerance);
    expect(mask.reduce((sum, v) => sum + v, 0)).toBe(filled);
  });

  it.each([
    { x: -1, y: 0 },
    { x: 8, y: 0 },
    { x: 0, y: 6 },
  ])("fills nothing for a seed outside the image: $x,$y", (seed) => {
    const image = fromArt(art);
    expect(floodFill(image, seed, 50).every((v) => v === 0)).toBe(true);
    expect(smartSelect(image, seed, 50)).toEqual([]);
  });

  it("rejects data too short for the size", () => {
    expect(() => floodFill({ data: new Uint8ClampedArray(10), width: 4, height: 4 }, { x: 0, y: 0 }, 0)).toThrow(RangeError);
  });

  it("matches a reference BFS on random images", () => {
    const imageArb = fc.integer({ min: 1, max: 24 }).chain((width) =>
      fc.integer({ min: 1, max: 24 }).chain((height) =>
        fc.record({
          width: fc.constant(width),
          height: fc.constant(height),
          levels: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: width * height, maxLength: width * height }),
          sx: fc.integer({ min: 0, max: width - 1 }),
          sy: fc.integer({ min: 0, max: height - 1 }),
          tolerance: fc.integer({ min: 0, max: 60 }),
        }),
      ),
    );
    fc.assert(
      fc.property(imageArb, ({ width, height, levels, sx, sy, tolerance }) => {
        const data = new Uint8ClampedArray(width * height * 4);
        levels.forEach((level, i) => data.set([level * 80, 255 - level * 60, level * 20, 255], i * 4));
        const image = { data, width, height };
        expect(floodFill(image, { x: sx, y: sy }, tolerance)).toEqual(referenceFill(image, sx, sy, tolerance));
      }),
    );
  });
});

describe("traceOuterBoundary", () => {
  it("outlines an L exactly, clockwise, in pixel-corner coordinates", () => {
    const image = fromArt(art);
    const ring = traceOuterBoundary(floodFill(image, { x: 1, y: 1 }, 0), image.width, image.height);
    expect(ring).toEqual([
      { x: 1, y: 1 },
      { x: 3, y: 1 },
      { x: 3, y: 3 },
      { x: 5, y: 3 },
      { x: 5, y: 4 },
      { x: 1, y: 4 },
    ]);
    expect(signedArea(ring)).toBe(8);
  });

  it("does not cross a diagonal contact", () => {
    const mask = Uint8Array.from([1, 0, 0, 1]);
    expect(traceOuterBoundary(mask, 2, 2)).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 0, y: 1 },
    ]);
  });

  it("returns nothing for an empty mask", () => {
    expect(traceOuterBoundary(new Uint8Array(9), 3, 3)).toEqual([]);
  });

  it("encloses every pixel of random 4-connected regions, with the region's area when it has no holes", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 144, maxLength: 144 }), fc.integer({ min: 0, max: 143 }), (cells, seed) => {
        const width = 12;
        const data = new Uint8ClampedArray(144 * 4);
        cells.forEach((on, i) => data.set(on ? BLACK : WHITE, i * 4));
        const image = { data, width, height: 12 };
        const mask = floodFill(image, { x: seed % width, y: Math.floor(seed / width) }, 0);
        const ring = traceOuterBoundary(mask, width, 12);
        const count = mask.reduce((sum, v) => sum + v, 0);
        expect(polygonArea(ring)).toBeGreaterThanOrEqual(count);
        mask.forEach((v, i) => {
          if (v) expect(pointInPolygon({ x: (i % width) + 0.5, y: Math.floor(i / width) + 0.5 }, ring)).toBe(true);
        });
      }),
    );
  });
});

describe("smartSelect", () => {
  it("turns a rectangle into its four corners", () => {
    const rows = Array.from({ length: 20 }, (_, y) => Array.from({ length: 40 }, (_, x) => (x >= 10 && x < 30 && y >= 5 && y < 15 ? "#" : ".")).join(""));
    expect(smartSelect(fromArt(rows), { x: 12, y: 7 }, 10)).toEqual([
      [
        { x: 10, y: 5 },
        { x: 30, y: 5 },
        { x: 30, y: 15 },
        { x: 10, y: 15 },
      ],
    ]);
  });

  it("ignores holes: a ring-shaped region gives its outer outline only", () => {
    const rows = Array.from({ length: 12 }, (_, y) => Array.from({ length: 12 }, (_, x) => (x >= 2 && x < 10 && y >= 2 && y < 10 && !(x >= 4 && x < 8 && y >= 4 && y < 8) ? "#" : ".")).join(""));
    const polygons = smartSelect(fromArt(rows), { x: 2, y: 2 }, 0);
    expect(polygons).toHaveLength(1);
    expect(polygonArea(polygons[0]!)).toBe(64);
  });

  it("keeps a one-pixel selection as a polygon", () => {
    const polygons = smartSelect(fromArt(art), { x: 5, y: 2 }, 0);
    expect(polygons).toEqual([
      [
        { x: 5, y: 2 },
        { x: 6, y: 2 },
        { x: 6, y: 3 },
        { x: 5, y: 3 },
      ],
    ]);
  });

  it("outlines a disk on a 4096×4096 image compactly and accurately", () => {
    const size = 4096;
    const data = new Uint8ClampedArray(size * size * 4).fill(255);
    const radius = 1500;
    for (let y = 0; y < size; y++) {
      const half = Math.sqrt(Math.max(0, radius * radius - (y + 0.5 - 2048) ** 2));
      for (let x = Math.ceil(2048 - half - 0.5); x < 2048 + half - 0.5; x++) data.set([200, 30, 30, 255], (y * size + x) * 4);
    }
    const polygons = smartSelect({ data, width: size, height: size }, { x: 2048, y: 2048 }, 5);
    expect(polygons).toHaveLength(1);
    const polygon = polygons[0]!;
    expect(polygon.length).toBeLessThan(MAX_DOCUMENT_POINTS);
    expect(polygon.length).toBeGreaterThan(20);
    expect(polygonArea(polygon) / (Math.PI * radius * radius)).toBeCloseTo(1, 2);
    for (const point of polygon) expect(Math.abs(Math.hypot(point.x - 2048, point.y - 2048) - radius)).toBeLessThan(2);
  });

  it("respects maxPoints", () => {
    const size = 400;
    const data = new Uint8ClampedArray(size * size * 4).fill(255);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (Math.hypot(x - 200, y - 200) < 150) data.set(BLACK, (y * size + x) * 4);
    const [polygon] = smartSelect({ data, width: size, height: size }, { x: 200, y: 200 }, 0, { maxPoints: 12 });
    expect(polygon!.length).toBeLessThanOrEqual(12);
    expect(polygon!.length).toBeGreaterThanOrEqual(3);
  });
});
