/**
 * Pull-push (Gortler et al. 1996): normalised convolution over an image pyramid. Values with weights
 * (0..1) are averaged down level by level until everything is covered, then the coarse averages are
 * blended back up (bilinear) wherever finer levels knew nothing. Any hole is filled by a smooth
 * interpolation of its rim, in O(pixels). The fill uses it for two smooth things: the colour
 * correction that makes a copied patch meet its surroundings, and the fallback for specks.
 */

type Level = { width: number; height: number; channels: number; values: Float32Array; weights: Float32Array };

/**
 * Fills `values` (`channels` per pixel) in place wherever `weights` < 1, from the weighted values
 * around; weights end at 1. With nothing known (all weights 0), values become 0.
 */
export function pullPush(values: Float32Array, weights: Float32Array, width: number, height: number, channels: number): void {
  const base: Level = { width, height, channels, values, weights };
  for (let p = 0; p < width * height; p += 1) for (let c = 0; c < channels; c += 1) values[p * channels + c]! *= weights[p]!;
  const levels = [base];
  for (let level = base; level.width > 1 || level.height > 1; ) {
    level = pull(level);
    levels.push(level);
  }
  for (let i = levels.length - 2; i >= 0; i -= 1) push(levels[i]!, levels[i + 1]!);
  for (let p = 0; p < width * height; p += 1) {
    const w = weights[p]!;
    for (let c = 0; c < channels; c += 1) values[p * channels + c] = w > 0 ? values[p * channels + c]! / w : 0;
    weights[p] = 1;
  }
}

/** Half resolution: sums of 2×2 blocks (premultiplied), with the weight capped at 1. */
function pull(fine: Level): Level {
  const { channels } = fine;
  const width = Math.ceil(fine.width / 2);
  const height = Math.ceil(fine.height / 2);
  const values = new Float32Array(width * height * channels);
  const weights = new Float32Array(width * height);
  for (let y = 0; y < fine.height; y += 1) {
    const row = (y >> 1) * width;
    for (let x = 0; x < fine.width; x += 1) {
      const from = y * fine.width + x;
      const to = row + (x >> 1);
      weights[to]! += fine.weights[from]!;
      for (let c = 0; c < channels; c += 1) values[to * channels + c]! += fine.values[from * channels + c]!;
    }
  }
  for (let p = 0; p < width * height; p += 1) {
    const w = weights[p]!;
    if (w <= 1) continue;
    weights[p] = 1;
    for (let c = 0; c < channels; c += 1) values[p * channels + c]! /= w;
  }
  return { width, height, channels, values, weights };
}

/** fine ← fine + (1 − its weight) × the coarse level upsampled bilinearly; fine ends fully covered. */
function push(fine: Level, coarse: Level): void {
  const { channels, values, weights } = fine;
  const sample = new Float32Array(channels + 1);
  for (let y = 0; y < fine.height; y += 1) {
    for (let x = 0; x < fine.width; x += 1) {
      const p = y * fine.width + x;
      const missing = 1 - weights[p]!;
      if (missing <= 0) continue;
      bilinear(coarse, (x + 0.5) / 2 - 0.5, (y + 0.5) / 2 - 0.5, sample);
      // Premultiplied: divide by the coarse weight to get the value, then add the missing share.
      const k = sample[channels]! > 0 ? missing / sample[channels]! : 0;
      for (let c = 0; c < channels; c += 1) values[p * channels + c]! += sample[c]! * k;
      weights[p] = sample[channels]! > 0 ? 1 : weights[p]!;
    }
  }
}

function bilinear(level: Level, x: number, y: number, out: Float32Array): void {
  const { width, height, channels, values, weights } = level;
  const x0 = Math.min(width - 1, Math.max(0, Math.floor(x)));
  const y0 = Math.min(height - 1, Math.max(0, Math.floor(y)));
  const x1 = Math.min(width - 1, x0 + 1);
  const y1 = Math.min(height - 1, y0 + 1);
  const fx = Math.min(1, Math.max(0, x - x0));
  const fy = Math.min(1, Math.max(0, y - y0));
  const w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
  const p00 = y0 * width + x0, p01 = y0 * width + x1, p10 = y1 * width + x0, p11 = y1 * width + x1;
  for (let c = 0; c < channels; c += 1) {
    out[c] = values[p00 * channels + c]! * w00 + values[p01 * channels + c]! * w01 + values[p10 * channels + c]! * w10 + values[p11 * channels + c]! * w11;
  }
  out[channels] = weights[p00]! * w00 + weights[p01]! * w01 + weights[p10]! * w10 + weights[p11]! * w11;
}
