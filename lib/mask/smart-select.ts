/**
 * Smart select: a scanline flood fill (4-connected, explicit typed-array stack, no recursion) of the
 * pixels whose colour is within `tolerance` of the seed's, then the filled region's OUTER boundary
 * traced along pixel edges and simplified (RDP, 1 px) into one compact polygon. Outlines of at most
 * 64 corners are returned exact: they are compact already and a pixel matters on a tiny region.
 *
 * Decisions: holes inside the region are ignored (filled), so a selection is always one paint polygon
 * the user can refine with the eraser; the result is an array so a future version can return more.
 * Colour distance is Euclidean over RGBA; tolerance 0 selects only the exact seed colour and 100
 * selects everything (distance ≤ tolerance% of the largest possible, 510).
 */
import type { ImagePoint } from "@/lib/recipe/schema";
import { MAX_DOCUMENT_POINTS } from "@/lib/recipe/schema";
import { simplifyRingToLimit } from "./polygon";

/** Straight RGBA pixels, row-major, like `ImageData`. */
export type RgbaImage = { data: Uint8ClampedArray; width: number; height: number };

export type SmartSelectOptions = { simplifyTolerance?: number; maxPoints?: number };

const MAX_RGBA_DISTANCE = 510;
/** Outlines with at most this many corners are returned exactly, unsimplified. */
const EXACT_OUTLINE_MAX_POINTS = 64;

function assertImage(image: RgbaImage): void {
  if (image.data.length < image.width * image.height * 4) {
    throw new RangeError(`image data holds ${image.data.length} bytes, ${image.width}×${image.height} RGBA needs ${image.width * image.height * 4}`);
  }
}

/** 1 for every pixel 4-connected to the seed with a colour within tolerance (0..100), else 0. */
export function floodFill(image: RgbaImage, seed: ImagePoint, tolerance: number): Uint8Array {
  assertImage(image);
  const { data, width, height } = image;
  const mask = new Uint8Array(width * height);
  const sx = Math.floor(seed.x);
  const sy = Math.floor(seed.y);
  if (!(sx >= 0 && sy >= 0 && sx < width && sy < height)) return mask;

  const origin = (sy * width + sx) * 4;
  const r0 = data[origin] as number;
  const g0 = data[origin + 1] as number;
  const b0 = data[origin + 2] as number;
  const a0 = data[origin + 3] as number;
  const limit = ((Math.min(100, Math.max(0, tolerance)) / 100) * MAX_RGBA_DISTANCE) ** 2;
  const matches = (index: number): boolean => {
    const o = index * 4;
    const dr = (data[o] as number) - r0;
    const dg = (data[o + 1] as number) - g0;
    const db = (data[o + 2] as number) - b0;
    const da = (data[o + 3] as number) - a0;
    return dr * dr + dg * dg + db * db + da * da <= limit;
  };

  let stack = new Int32Array(1024);
  let top = 0;
  const push = (index: number) => {
    if (top === stack.length) {
      const grown = new Int32Array(stack.length * 2);
      grown.set(stack);
      stack = grown;
    }
    stack[top++] = index;
  };
  // Pushes the first pixel of every run of fillable pixels in row `rowStart` between columns lx..rx.
  const seedRow = (rowStart: number, lx: number, rx: number) => {
    let inRun = false;
    for (let x = lx; x <= rx; x++) {
      const index = rowStart + x;
      if (mask[index] === 0 && matches(index)) {
        if (!inRun) push(index);
        inRun = true;
      } else {
        inRun = false;
      }
    }
  };

  push(sy * width + sx);
  while (top > 0) {
    const index = stack[--top] as number;
    if (mask[index] === 1) continue;
    const y = (index / width) | 0;
    const rowStart = y * width;
    let lx = index - rowStart;
    let rx = lx;
    while (lx > 0 && mask[rowStart + lx - 1] === 0 && matches(rowStart + lx - 1)) lx--;
    while (rx < width - 1 && mask[rowStart + rx + 1] === 0 && matches(rowStart + rx + 1)) rx++;
    mask.fill(1, rowStart + lx, rowStart + rx + 1);
    if (y > 0) seedRow(rowStart - width, lx, rx);
    if (y < height - 1) seedRow(rowStart + width, lx, rx);
  }
  return mask;
}

// Directions E, S, W, N (screen y down). For each: the step, and the pixel ahead-right / ahead-left of
// the current lattice vertex, as offsets from that vertex (a pixel is named by its top-left corner).
const STEP_X = [1, 0, -1, 0];
const STEP_Y = [0, 1, 0, -1];
const AHEAD_RIGHT_X = [0, -1, -1, 0];
const AHEAD_RIGHT_Y = [0, 0, -1, -1];
const AHEAD_LEFT_X = [0, 0, -1, -1];
const AHEAD_LEFT_Y = [-1, 0, 0, -1];

/**
 * The outer boundary of the set pixels containing the first set pixel in raster order, as the corners
 * of a clockwise (on screen) ring along pixel edges, in pixel-corner coordinates. Diagonal contacts
 * are not followed (4-connectivity, matching the flood fill). Empty mask → [].
 */
export function traceOuterBoundary(mask: Uint8Array, width: number, height: number): ImagePoint[] {
  const first = mask.indexOf(1);
  if (first === -1) return [];
  const startX = first % width;
  const startY = (first / width) | 0;
  const filled = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x] === 1;

  // The top edge of the first pixel is on the outer boundary: everything above and left of it is empty.
  const corners: ImagePoint[] = [{ x: startX, y: startY }];
  let x = startX;
  let y = startY;
  let direction = 0;
  const maxSteps = 4 * (width + 1) * (height + 1);
  for (let step = 0; step < maxSteps; step++) {
    x += STEP_X[direction] as number;
    y += STEP_Y[direction] as number;
    if (x === startX && y === startY) return corners;
    let next = direction;
    if (!filled(x + (AHEAD_RIGHT_X[direction] as number), y + (AHEAD_RIGHT_Y[direction] as number))) next = (direction + 1) % 4;
    else if (filled(x + (AHEAD_LEFT_X[direction] as number), y + (AHEAD_LEFT_Y[direction] as number))) next = (direction + 3) % 4;
    if (next !== direction) corners.push({ x, y });
    direction = next;
  }
  throw new Error("boundary trace did not close");
}

/**
 * Polygons (image pixels, pixel-corner coordinates) outlining the region grown from `seed`; [] when the
 * seed is outside the image. Each polygon has at most `maxPoints` vertices (the recipe schema's limit).
 */
export function smartSelect(image: RgbaImage, seed: ImagePoint, tolerance: number, options: SmartSelectOptions = {}): ImagePoint[][] {
  const mask = floodFill(image, seed, tolerance);
  const ring = traceOuterBoundary(mask, image.width, image.height);
  if (ring.length < 3) return [];
  const maxPoints = options.maxPoints ?? MAX_DOCUMENT_POINTS;
  // A small outline is already compact, and a pixel of error would be a large part of it.
  if (ring.length <= Math.min(EXACT_OUTLINE_MAX_POINTS, maxPoints)) return [ring];
  return [simplifyRingToLimit(ring, options.simplifyTolerance ?? 1, maxPoints)];
}
