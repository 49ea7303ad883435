/**
 * Test kit for pixel tests, shared by lib/motion's unit tests and the MP4 tests of the renderer:
 * synthetic pictures and masks, and measurements (centroid, orientation, difference) on packed pixel
 * buffers with 3 (decoded video, rgb24) or 4 (RGBA) channels.
 */

export type Rgb = readonly [number, number, number];
export type Picture = { width: number; height: number; channels: 3 | 4; data: Uint8Array };
export type Rect = { x: number; y: number; width: number; height: number };

export const inRect = (rect: Rect) => (x: number, y: number) => x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;

/** An opaque RGBA picture. */
export function rgba(width: number, height: number, pixel: (x: number, y: number) => Rgb): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) data.set([...pixel(x, y), 255], (y * width + x) * 4);
  }
  return data;
}

/** One byte per pixel, 255 where `inside`. */
export function mask(width: number, height: number, inside: (x: number, y: number) => boolean): Uint8Array {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data[y * width + x] = inside(x, y) ? 255 : 0;
  return data;
}

/** Pixels that look like `colour` (each channel within `tolerance`). */
export const near =
  (colour: Rgb, tolerance = 40) =>
  (r: number, g: number, b: number) =>
    Math.abs(r - colour[0]) <= tolerance && Math.abs(g - colour[1]) <= tolerance && Math.abs(b - colour[2]) <= tolerance;

type Moments = { count: number; x: number; y: number; xx: number; yy: number; xy: number };

function moments(picture: Picture, matches: (r: number, g: number, b: number) => boolean): Moments {
  const { width, height, channels, data } = picture;
  const m: Moments = { count: 0, x: 0, y: 0, xx: 0, yy: 0, xy: 0 };
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const o = (y * width + x) * channels;
      if (!matches(data[o]!, data[o + 1]!, data[o + 2]!)) continue;
      const cx = x + 0.5;
      const cy = y + 0.5;
      m.count += 1;
      m.x += cx;
      m.y += cy;
      m.xx += cx * cx;
      m.yy += cy * cy;
      m.xy += cx * cy;
    }
  }
  return m;
}

/** Centre of the matching pixels in continuous top-left pixels (pixel i spans [i, i + 1]), and how many. */
export function centroid(picture: Picture, matches: (r: number, g: number, b: number) => boolean): { x: number; y: number; count: number } {
  const m = moments(picture, matches);
  return { x: m.x / m.count, y: m.y / m.count, count: m.count };
}

/**
 * Centre of mass of a per-pixel weight (e.g. redness): exact under bilinear resampling, so it follows
 * sub-pixel motion that a thresholded centroid would round.
 */
export function weightedCentroid(picture: Picture, weight: (r: number, g: number, b: number) => number): { x: number; y: number; mass: number } {
  const { width, height, channels, data } = picture;
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const o = (y * width + x) * channels;
      const w = weight(data[o]!, data[o + 1]!, data[o + 2]!);
      mass += w;
      sx += w * (x + 0.5);
      sy += w * (y + 0.5);
    }
  }
  return { x: sx / mass, y: sy / mass, mass };
}

/** Direction of the matching blob's long axis in degrees, clockwise on screen from the +x axis, in (−90, 90]. */
export function orientation(picture: Picture, matches: (r: number, g: number, b: number) => boolean): number {
  const m = moments(picture, matches);
  const mx = m.x / m.count;
  const my = m.y / m.count;
  const cxx = m.xx / m.count - mx * mx;
  const cyy = m.yy / m.count - my * my;
  const cxy = m.xy / m.count - mx * my;
  // y grows downward, so a positive angle is clockwise as seen.
  return (0.5 * Math.atan2(2 * cxy, cxx - cyy) * 180) / Math.PI;
}

/** Mean absolute difference of the colour channels of two same-sized pictures over the pixels `where` is true. */
export function meanDifference(a: Picture, b: Picture, where: (x: number, y: number) => boolean = () => true): number {
  let sum = 0;
  let count = 0;
  for (let y = 0; y < a.height; y += 1) {
    for (let x = 0; x < a.width; x += 1) {
      if (!where(x, y)) continue;
      const i = (y * a.width + x) * a.channels;
      const j = (y * b.width + x) * b.channels;
      for (let c = 0; c < 3; c += 1) sum += Math.abs(a.data[i + c]! - b.data[j + c]!);
      count += 3;
    }
  }
  return sum / Math.max(1, count);
}

/**
 * How well `picture` reproduces `truth`'s texture over the pixels `where` is true: the Pearson
 * correlation of their luminances there. A flat fill or a smear scores near 0, the texture near 1.
 */
export function stripeCorrelation(picture: Picture, truth: Picture, where: (x: number, y: number) => boolean): number {
  const a: number[] = [];
  const b: number[] = [];
  const luma = (p: Picture, x: number, y: number) => {
    const o = (y * p.width + x) * p.channels;
    return 0.299 * p.data[o]! + 0.587 * p.data[o + 1]! + 0.114 * p.data[o + 2]!;
  };
  for (let y = 0; y < picture.height; y += 1) {
    for (let x = 0; x < picture.width; x += 1) {
      if (!where(x, y)) continue;
      a.push(luma(picture, x, y));
      b.push(luma(truth, x, y));
    }
  }
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0, aa = 0, bb = 0;
  a.forEach((value, i) => {
    ab += (value - ma) * (b[i]! - mb);
    aa += (value - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}
