/**
 * Fills the places a region leaves behind with a smooth guess from what surrounds them. Pull-push
 * (Gortler et al. 1996) is normalised convolution over an image pyramid: known pixels are averaged
 * down level by level with their weights until every pixel is covered, then the coarse averages are
 * blended back up (bilinear) wherever finer levels knew nothing. Holes of any size are filled, each by
 * a blur of its own rim, in O(pixels). Computed once per render.
 */

type Level = { width: number; height: number; data: Float32Array };

/**
 * Pixels of `source` (RGBA) with `known` = 0 replaced by a smooth fill from the pixels with
 * known = 255 (values in between count partially). Where nothing is known the picture's own blur is
 * used. Returns a new opaque RGBA buffer; known pixels keep their values.
 */
export function fillUnknown(source: Uint8Array | Uint8ClampedArray, known: Uint8Array, width: number, height: number): Uint8Array {
  const base = premultiplied(source, known, width, height);
  const levels = [base];
  for (let level = base; level.width > 1 || level.height > 1; ) {
    level = pull(level);
    levels.push(level);
  }
  for (let i = levels.length - 2; i >= 0; i -= 1) push(levels[i]!, levels[i + 1]!);
  const out = new Uint8Array(width * height * 4);
  const data = base.data;
  for (let p = 0; p < width * height; p += 1) {
    const w = data[p * 4 + 3]!;
    for (let c = 0; c < 3; c += 1) out[p * 4 + c] = Math.round(data[p * 4 + c]! / w);
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** Level 0: colour × weight and the weight (0..1); if nothing is known, everything is. */
function premultiplied(source: Uint8Array | Uint8ClampedArray, known: Uint8Array, width: number, height: number): Level {
  const data = new Float32Array(width * height * 4);
  let any = false;
  for (let p = 0; p < width * height; p += 1) if (known[p]! > 0) any = true;
  for (let p = 0; p < width * height; p += 1) {
    const w = any ? known[p]! / 255 : 1;
    data[p * 4] = source[p * 4]! * w;
    data[p * 4 + 1] = source[p * 4 + 1]! * w;
    data[p * 4 + 2] = source[p * 4 + 2]! * w;
    data[p * 4 + 3] = w;
  }
  return { width, height, data };
}

/** Half resolution: sums of 2×2 blocks, with the weight capped at 1 (colour renormalised). */
function pull(fine: Level): Level {
  const width = Math.ceil(fine.width / 2);
  const height = Math.ceil(fine.height / 2);
  const data = new Float32Array(width * height * 4);
  for (let y = 0; y < fine.height; y += 1) {
    const row = (y >> 1) * width;
    for (let x = 0; x < fine.width; x += 1) {
      const from = (y * fine.width + x) * 4;
      const to = (row + (x >> 1)) * 4;
      for (let c = 0; c < 4; c += 1) data[to + c]! += fine.data[from + c]!;
    }
  }
  for (let p = 0; p < width * height; p += 1) {
    const w = data[p * 4 + 3]!;
    if (w <= 1) continue;
    for (let c = 0; c < 4; c += 1) data[p * 4 + c]! /= w;
  }
  return { width, height, data };
}

/** fine ← fine + (1 − its weight) × the coarse level upsampled bilinearly; fine ends fully covered. */
function push(fine: Level, coarse: Level): void {
  const { data } = fine;
  const sample = new Float32Array(4);
  for (let y = 0; y < fine.height; y += 1) {
    for (let x = 0; x < fine.width; x += 1) {
      const p = (y * fine.width + x) * 4;
      const missing = 1 - data[p + 3]!;
      if (missing <= 0) continue;
      bilinear(coarse, (x + 0.5) / 2 - 0.5, (y + 0.5) / 2 - 0.5, sample);
      // The coarse level is fully covered after its own push: divide by its weight to get colour.
      const k = missing / sample[3]!;
      for (let c = 0; c < 3; c += 1) data[p + c]! += sample[c]! * k;
      data[p + 3] = 1;
    }
  }
}

function bilinear(level: Level, x: number, y: number, out: Float32Array): void {
  const x0 = Math.min(level.width - 1, Math.max(0, Math.floor(x)));
  const y0 = Math.min(level.height - 1, Math.max(0, Math.floor(y)));
  const x1 = Math.min(level.width - 1, x0 + 1);
  const y1 = Math.min(level.height - 1, y0 + 1);
  const fx = Math.min(1, Math.max(0, x - x0));
  const fy = Math.min(1, Math.max(0, y - y0));
  const { data, width } = level;
  for (let c = 0; c < 4; c += 1) {
    const top = data[(y0 * width + x0) * 4 + c]! * (1 - fx) + data[(y0 * width + x1) * 4 + c]! * fx;
    const bottom = data[(y1 * width + x0) * 4 + c]! * (1 - fx) + data[(y1 * width + x1) * 4 + c]! * fx;
    out[c] = top * (1 - fy) + bottom * fy;
  }
}

/** Grows the painted (non-zero) area of a mask by `radius` pixels (square structuring element). */
export function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const across = new Uint8Array(mask.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let max = 0;
      for (let k = Math.max(0, x - radius); k <= Math.min(width - 1, x + radius); k += 1) max = Math.max(max, mask[y * width + k]!);
      across[y * width + x] = max;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let max = 0;
      for (let k = Math.max(0, y - radius); k <= Math.min(height - 1, y + radius); k += 1) max = Math.max(max, across[k * width + x]!);
      out[y * width + x] = max;
    }
  }
  return out;
}
