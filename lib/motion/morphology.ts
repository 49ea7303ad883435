/**
 * One-byte-per-pixel mask operations for the compositor and the fill: bounds, dilation, a chamfer
 * distance, outward feathering and connected components. Typed arrays only, each O(pixels) of the
 * box it works in; all run once per render, never per frame.
 */

/** Half-open pixel rectangle. */
export type Box = { x0: number; y0: number; x1: number; y1: number };
export const EMPTY_BOX: Box = { x0: 0, y0: 0, x1: 0, y1: 0 };

export const isEmptyBox = (box: Box) => box.x1 <= box.x0 || box.y1 <= box.y0;

/** Bounds of the painted pixels, looking only inside `within` (the whole frame by default). */
export function boundsOf(mask: Uint8Array, width: number, height: number, within: Box = { x0: 0, y0: 0, x1: width, y1: height }): Box {
  let x0 = width, y0 = height, x1 = 0, y1 = 0;
  for (let y = within.y0; y < within.y1; y += 1) {
    const row = y * width;
    for (let x = within.x0; x < within.x1; x += 1) {
      if (mask[row + x] === 0) continue;
      if (x < x0) x0 = x;
      if (x >= x1) x1 = x + 1;
      if (y < y0) y0 = y;
      y1 = y + 1;
    }
  }
  return x1 > x0 ? { x0, y0, x1, y1 } : EMPTY_BOX;
}

/** The smallest box holding both. */
export function unionBox(a: Box, b: Box): Box {
  if (isEmptyBox(a)) return b;
  if (isEmptyBox(b)) return a;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** `box` grown by `by` pixels on every side, inside the frame. */
export function growBox(box: Box, by: number, width: number, height: number): Box {
  if (isEmptyBox(box)) return EMPTY_BOX;
  return { x0: Math.max(0, box.x0 - by), y0: Math.max(0, box.y0 - by), x1: Math.min(width, box.x1 + by), y1: Math.min(height, box.y1 + by) };
}

/**
 * Grows the painted (non-zero) area of a mask by `radius` pixels (square structuring element,
 * separable). Only the painted area's box (`painted`, when the caller knows it), grown by the
 * radius, can change, so only it is visited: a region's mask costs its own size, not the frame's.
 */
export function dilate(mask: Uint8Array, width: number, height: number, radius: number, painted: Box = boundsOf(mask, width, height)): Uint8Array {
  const out = new Uint8Array(mask.length);
  const box = growBox(painted, radius, width, height);
  if (isEmptyBox(box)) return out;
  const across = new Uint8Array(mask.length);
  for (let y = box.y0; y < box.y1; y += 1) {
    const row = y * width;
    for (let x = box.x0; x < box.x1; x += 1) {
      let max = 0;
      const end = Math.min(box.x1 - 1, x + radius);
      for (let k = Math.max(box.x0, x - radius); k <= end; k += 1) if (mask[row + k]! > max) max = mask[row + k]!;
      across[row + x] = max;
    }
  }
  for (let y = box.y0; y < box.y1; y += 1) {
    const end = Math.min(box.y1 - 1, y + radius);
    for (let x = box.x0; x < box.x1; x += 1) {
      let max = 0;
      for (let k = Math.max(box.y0, y - radius); k <= end; k += 1) if (across[k * width + x]! > max) max = across[k * width + x]!;
      out[y * width + x] = max;
    }
  }
  return out;
}

/** Chamfer weights (3 straight, 4 diagonal): distances come out in thirds of a pixel. */
const STRAIGHT = 3;
const DIAGONAL = 4;
const FAR = 1 << 28;

/**
 * Distance (in thirds of a pixel, 3-4 chamfer) from every pixel of `box` to the nearest painted pixel
 * of `mask` inside `box`; 0 on painted pixels. Indexed like the box: (y − y0) × boxWidth + (x − x0).
 */
export function chamferDistance(mask: Uint8Array, width: number, box: Box): Int32Array {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const d = new Int32Array(w * h);
  for (let y = 0; y < h; y += 1) for (let x = 0; x < w; x += 1) d[y * w + x] = mask[(y + box.y0) * width + x + box.x0]! > 0 ? 0 : FAR;
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const p = y * w + x;
      let v = d[p]!;
      if (v === 0) continue;
      if (x > 0) v = Math.min(v, d[p - 1]! + STRAIGHT);
      if (y > 0) {
        v = Math.min(v, d[p - w]! + STRAIGHT);
        if (x > 0) v = Math.min(v, d[p - w - 1]! + DIAGONAL);
        if (x < w - 1) v = Math.min(v, d[p - w + 1]! + DIAGONAL);
      }
      d[p] = v;
    }
  }
  for (let y = h - 1; y >= 0; y -= 1) {
    for (let x = w - 1; x >= 0; x -= 1) {
      const p = y * w + x;
      let v = d[p]!;
      if (v === 0) continue;
      if (x < w - 1) v = Math.min(v, d[p + 1]! + STRAIGHT);
      if (y < h - 1) {
        v = Math.min(v, d[p + w]! + STRAIGHT);
        if (x < w - 1) v = Math.min(v, d[p + w + 1]! + DIAGONAL);
        if (x > 0) v = Math.min(v, d[p + w - 1]! + DIAGONAL);
      }
      d[p] = v;
    }
  }
  return d;
}

/**
 * The mask with a soft outer edge: painted pixels keep their coverage, and coverage falls linearly
 * from 255 to 0 over the `radius` pixels around them. Feathering outwards, not across the edge,
 * keeps every painted pixel whole (a moving region's mass and shape), and the halo it gains is the
 * picture's own surroundings, which blend into whatever the region passes over.
 */
export function featherOut(mask: Uint8Array, width: number, height: number, radius: number, painted: Box = boundsOf(mask, width, height)): Uint8Array {
  const out = new Uint8Array(mask);
  const box = growBox(painted, radius, width, height);
  if (isEmptyBox(box) || radius <= 0) return out;
  const d = chamferDistance(mask, width, box);
  const w = box.x1 - box.x0;
  const span = (radius + 1) * STRAIGHT;
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let x = box.x0; x < box.x1; x += 1) {
      const dist = d[(y - box.y0) * w + x - box.x0]!;
      if (dist === 0 || dist >= span) continue;
      const ramp = Math.round((255 * (span - dist)) / span);
      const p = y * width + x;
      if (ramp > out[p]!) out[p] = ramp;
    }
  }
  return out;
}

export type Components = {
  /** Component index + 1 per pixel, 0 outside the mask. */
  labels: Int32Array;
  boxes: Box[];
  sizes: number[];
};

/** 4-connected components of the painted pixels (breadth-first, one shared queue). */
export function components(mask: Uint8Array, width: number, height: number): Components {
  const labels = new Int32Array(width * height);
  const queue = new Int32Array(width * height);
  const boxes: Box[] = [];
  const sizes: number[] = [];
  for (let seed = 0; seed < labels.length; seed += 1) {
    if (mask[seed] === 0 || labels[seed] !== 0) continue;
    const label = boxes.length + 1;
    const box = { x0: width, y0: height, x1: 0, y1: 0 };
    let head = 0;
    let tail = 0;
    queue[tail++] = seed;
    labels[seed] = label;
    while (head < tail) {
      const p = queue[head++]!;
      const x = p % width;
      const y = (p - x) / width;
      if (x < box.x0) box.x0 = x;
      if (x >= box.x1) box.x1 = x + 1;
      if (y < box.y0) box.y0 = y;
      if (y >= box.y1) box.y1 = y + 1;
      // Neighbours: left, right, up, down (each only inside the frame).
      for (let k = 0; k < 4; k += 1) {
        if ((k === 0 && x === 0) || (k === 1 && x === width - 1) || (k === 2 && y === 0) || (k === 3 && y === height - 1)) continue;
        const q = k === 0 ? p - 1 : k === 1 ? p + 1 : k === 2 ? p - width : p + width;
        if (mask[q] !== 0 && labels[q] === 0) {
          labels[q] = label;
          queue[tail++] = q;
        }
      }
    }
    boxes.push(box);
    sizes.push(tail);
  }
  return { labels, boxes, sizes };
}
