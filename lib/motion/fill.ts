/**
 * Fills the places regions leave behind from the texture around them: a patch-offset fill. For each
 * connected hole, the offset whose shifted copy of the picture best matches a band of pixels just
 * outside the hole (sum of squared differences, coarse grid then a one-pixel refinement, nearer
 * offsets preferred on ties) is copied into the hole, so stripes, grass or brickwork continue
 * through it; then the copy's colour is corrected by a smooth membrane (pull-push of the band's
 * differences), so it meets the surroundings without a seam (a cheap Poisson-style blend). Specks
 * and holes with no usable offset get the smooth pull-push fill alone. Computed once per render.
 *
 * Preview assumption: Kling regenerates the uncovered background; repeating nearby texture is the
 * closest a deterministic preview gets, and it never looks like a grey smear.
 */
import { boundsOf, chamferDistance, components, growBox, isEmptyBox, type Box } from "./morphology";
import { pullPush } from "./pull-push";

/** Band of known pixels around a hole that offsets are scored on and colours matched to. */
const BAND_PX = 3;
/** Holes smaller than this (pixels) are specks: a smooth fill is as good as texture there. */
const SPECK_PX = 24;
/** Band samples scored per candidate offset; a subsample of longer bands. */
const MAX_SAMPLES = 480;
/** Candidate offsets per axis on the coarse grid. */
const GRID = 48;

type Picture = { source: Uint8Array | Uint8ClampedArray; unknown: Uint8Array; width: number; height: number; sat: Int32Array };

/**
 * `source` (RGBA) with every pixel where `unknown` > 0 replaced by texture from the known pixels.
 * Returns a new opaque RGBA buffer; known pixels keep their values.
 */
export function inpaint(source: Uint8Array | Uint8ClampedArray, unknown: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  out.set(source.subarray(0, out.length));
  for (let p = 0; p < width * height; p += 1) out[p * 4 + 3] = 255;
  const all = boundsOf(unknown, width, height);
  if (isEmptyBox(all)) return out;
  const picture: Picture = { source, unknown, width, height, sat: summedArea(unknown, width, height) };
  const { labels, boxes, sizes } = components(unknown, width, height);
  boxes.forEach((box, i) => {
    const band = sizes[i]! >= SPECK_PX ? bandOf(picture, box) : null;
    const offset = band ? bestOffset(picture, box, band) : null;
    if (band && offset) copyCorrected(picture, out, labels, i + 1, box, offset, band);
    else smoothFill(picture, out, labels, i + 1, box);
  });
  return out;
}

/** Summed-area table of unknown pixels, (width + 1) × (height + 1), for O(1) "is this box all known?". */
function summedArea(unknown: Uint8Array, width: number, height: number): Int32Array {
  const sat = new Int32Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y += 1) {
    let row = 0;
    for (let x = 0; x < width; x += 1) {
      row += unknown[y * width + x]! > 0 ? 1 : 0;
      sat[(y + 1) * (width + 1) + x + 1] = sat[y * (width + 1) + x + 1]! + row;
    }
  }
  return sat;
}

function unknownIn(picture: Picture, x0: number, y0: number, x1: number, y1: number): number {
  const { sat, width } = picture;
  const s = width + 1;
  return sat[y1 * s + x1]! - sat[y0 * s + x1]! - sat[y1 * s + x0]! + sat[y0 * s + x0]!;
}

/** Known pixels within BAND_PX of the hole (any hole inside the grown box), as pixel indices. */
function bandOf(picture: Picture, box: Box): Int32Array {
  const { unknown, width, height } = picture;
  const grown = growBox(box, BAND_PX, width, height);
  const d = chamferDistance(unknown, width, grown);
  const w = grown.x1 - grown.x0;
  const band: number[] = [];
  for (let y = grown.y0; y < grown.y1; y += 1) {
    for (let x = grown.x0; x < grown.x1; x += 1) {
      const dist = d[(y - grown.y0) * w + x - grown.x0]!;
      if (dist > 0 && dist <= BAND_PX * 3) band.push(y * width + x);
    }
  }
  return Int32Array.from(band);
}

/** Band pixels scored per offset: indices and their coordinates (computed once, not per offset). */
type Samples = { at: Int32Array; xs: Int32Array; ys: Int32Array };

/** Mean squared colour difference between the band and the band shifted by (ox, oy); Infinity if unusable. */
function score(picture: Picture, samples: Samples, ox: number, oy: number): number {
  const { source, unknown, width, height } = picture;
  const { at, xs, ys } = samples;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < at.length; i += 1) {
    const p = at[i]!;
    const x = xs[i]! + ox;
    const y = ys[i]! + oy;
    if (x < 0 || y < 0 || x >= width || y >= height) continue;
    const q = y * width + x;
    if (unknown[q]! > 0) continue;
    const a = p * 4;
    const b = q * 4;
    const dr = source[a]! - source[b]!, dg = source[a + 1]! - source[b + 1]!, db = source[a + 2]! - source[b + 2]!;
    sum += dr * dr + dg * dg + db * db;
    count += 1;
  }
  return count * 2 >= at.length ? sum / count : Infinity;
}

/**
 * The offset (source pixel = hole pixel + offset) whose copy lies wholly on known pixels inside the
 * frame and best matches the band, or null when there is none.
 */
function bestOffset(picture: Picture, box: Box, band: Int32Array): { x: number; y: number } | null {
  const { width, height } = picture;
  if (band.length === 0) return null;
  const stride = Math.max(1, Math.floor(band.length / MAX_SAMPLES));
  const at = band.filter((_, i) => i % stride === 0);
  const samples: Samples = { at, xs: at.map((p) => p % width), ys: at.map((p) => (p / width) | 0) };
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const reach = 3 * Math.max(bw, bh) + 16;
  const step = Math.max(1, Math.ceil((2 * reach) / GRID));
  // Ties (a periodic texture matches at many offsets) go to the nearest: a tiny distance penalty.
  const penalty = (ox: number, oy: number) => (Math.hypot(ox, oy) / reach) * 4;
  const usable = (ox: number, oy: number) =>
    box.x0 + ox >= 0 && box.y0 + oy >= 0 && box.x1 + ox <= width && box.y1 + oy <= height && unknownIn(picture, box.x0 + ox, box.y0 + oy, box.x1 + ox, box.y1 + oy) === 0;
  const best = { x: 0, y: 0, score: Infinity };
  const consider = (ox: number, oy: number) => {
    if (!usable(ox, oy)) return;
    const s = score(picture, samples, ox, oy) + penalty(ox, oy);
    if (s < best.score) Object.assign(best, { x: ox, y: oy, score: s });
  };
  for (let oy = -reach; oy <= reach; oy += step) for (let ox = -reach; ox <= reach; ox += step) consider(ox, oy);
  if (best.score === Infinity) return null;
  const { x: cx, y: cy } = best;
  if (step > 1) for (let oy = cy - step + 1; oy < cy + step; oy += 1) for (let ox = cx - step + 1; ox < cx + step; ox += 1) consider(ox, oy);
  return { x: best.x, y: best.y };
}

/**
 * Copies the picture shifted by `offset` into hole `label`, plus a smooth correction that is exactly
 * the band's difference at the rim and fades inward.
 */
function copyCorrected(picture: Picture, out: Uint8Array, labels: Int32Array, label: number, box: Box, offset: { x: number; y: number }, band: Int32Array): void {
  const { source, unknown, width, height } = picture;
  const grown = growBox(box, BAND_PX, width, height);
  const w = grown.x1 - grown.x0;
  const h = grown.y1 - grown.y0;
  const residual = new Float32Array(w * h * 3);
  const weights = new Float32Array(w * h);
  const step = offset.y * width + offset.x;
  for (let i = 0; i < band.length; i += 1) {
    const p = band[i]!;
    const x = p % width;
    const y = (p - x) / width;
    const sx = x + offset.x;
    const sy = y + offset.y;
    if (sx < 0 || sy < 0 || sx >= width || sy >= height || unknown[p + step]! > 0) continue;
    const r = ((y - grown.y0) * w + x - grown.x0) * 3;
    for (let c = 0; c < 3; c += 1) residual[r + c] = source[p * 4 + c]! - source[(p + step) * 4 + c]!;
    weights[r / 3] = 1;
  }
  pullPush(residual, weights, w, h, 3);
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let x = box.x0; x < box.x1; x += 1) {
      const p = y * width + x;
      if (labels[p] !== label) continue;
      const r = ((y - grown.y0) * w + x - grown.x0) * 3;
      for (let c = 0; c < 3; c += 1) out[p * 4 + c] = Math.min(255, Math.max(0, source[(p + step) * 4 + c]! + residual[r + c]! + 0.5));
    }
  }
}

/** The smooth fill alone: pull-push of the known colours around hole `label`. */
function smoothFill(picture: Picture, out: Uint8Array, labels: Int32Array, label: number, box: Box): void {
  const { source, unknown, width, height } = picture;
  // Wide enough that a hole has known pixels around it, unless the whole frame is unknown.
  const grown = growBox(box, Math.max(BAND_PX, box.x1 - box.x0, box.y1 - box.y0), width, height);
  const w = grown.x1 - grown.x0;
  const h = grown.y1 - grown.y0;
  const colours = new Float32Array(w * h * 3);
  const weights = new Float32Array(w * h);
  for (let y = grown.y0; y < grown.y1; y += 1) {
    for (let x = grown.x0; x < grown.x1; x += 1) {
      const p = y * width + x;
      const q = (y - grown.y0) * w + x - grown.x0;
      for (let c = 0; c < 3; c += 1) colours[q * 3 + c] = source[p * 4 + c]!;
      weights[q] = unknown[p]! > 0 ? 0 : 1;
    }
  }
  if (weights.every((value) => value === 0)) weights.fill(1);
  pullPush(colours, weights, w, h, 3);
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let x = box.x0; x < box.x1; x += 1) {
      const p = y * width + x;
      if (labels[p] !== label) continue;
      const q = ((y - grown.y0) * w + x - grown.x0) * 3;
      for (let c = 0; c < 3; c += 1) out[p * 4 + c] = Math.min(255, Math.max(0, colours[q + c]! + 0.5));
    }
  }
}
