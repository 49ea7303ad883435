/*
 * The per-frame picture of the preview video: a pure function of time, so a richer motion model
 * (regions moving along trajectories, static mask, camera moves) can replace it without touching the
 * pipeline. Runs inside the render worker, which is plain Node outside Next's react-server build, so
 * this module must not import "server-only" (that package throws outside the react-server condition).
 */

/** Source pictures already fitted to the output size, as RGBA rows (width × height × 4 bytes). */
export type Scene = { width: number; height: number; start: Uint8Array | null; tail: Uint8Array | null };

/** How far the slow camera push goes: the picture grows by 8 % over the clip. */
export const PUSH_SCALE = 0.08;
/** The cross-fade to the tail frame starts at this fraction of the clip and eases in to the end. */
export const FADE_START = 0.35;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const easeInOut = (t: number) => 0.5 - 0.5 * Math.cos(Math.PI * clamp01(t));
const smoothstep = (t: number) => t * t * (3 - 2 * t);

/** Weight of the tail frame at time t ∈ [0, 1]: 0 for the first third, exactly 1 at the end. */
export function tailWeight(t: number): number {
  return smoothstep(clamp01((t - FADE_START) / (1 - FADE_START)));
}

/** Zoom factor of the start frame at time t: 1 → 1 + PUSH_SCALE, centred. */
export function pushScale(t: number): number {
  return 1 + PUSH_SCALE * easeInOut(t);
}

/**
 * Writes the frame at time t ∈ [0, 1] into `out`. Start only: a slow push-in. Start + tail: the
 * push-in cross-fading to the tail frame, which the last frame shows exactly. Tail only ("end only"):
 * a slow pull-back that lands exactly on the tail frame.
 */
export function frameAt(scene: Scene, t: number, out: Uint8Array): void {
  const { start, tail } = scene;
  if (start) {
    zoomInto(scene, start, pushScale(t), out);
    if (tail) blendInto(out, tail, tailWeight(t));
    return;
  }
  if (tail) zoomInto(scene, tail, pushScale(1 - t), out);
  else out.fill(0);
}

/**
 * Bilinear resample of `source` scaled by `scale` about the centre; the mapping is separable, so the
 * taps are computed once per row and column. Alpha is written opaque: the video has no alpha channel.
 */
function zoomInto(scene: Scene, source: Uint8Array, scale: number, out: Uint8Array): void {
  const { width, height } = scene;
  const columns = axisTaps(width, scale);
  const rows = axisTaps(height, scale);
  const stride = width * 4;
  for (let y = 0; y < height; y += 1) {
    const row0 = rows.first[y]! * stride;
    const row1 = rows.second[y]! * stride;
    const fy = rows.weight[y]!;
    let o = y * stride;
    for (let x = 0; x < width; x += 1) {
      const fx = columns.weight[x]!;
      const a = row0 + columns.first[x]! * 4;
      const b = row0 + columns.second[x]! * 4;
      const c = row1 + columns.first[x]! * 4;
      const d = row1 + columns.second[x]! * 4;
      out[o] = lerp2(source[a]!, source[b]!, source[c]!, source[d]!, fx, fy);
      out[o + 1] = lerp2(source[a + 1]!, source[b + 1]!, source[c + 1]!, source[d + 1]!, fx, fy);
      out[o + 2] = lerp2(source[a + 2]!, source[b + 2]!, source[c + 2]!, source[d + 2]!, fx, fy);
      out[o + 3] = 255;
      o += 4;
    }
  }
}

/** Bilinear mix of four neighbours, rounded (the result stays within 0.5–255.5, so truncation rounds). */
function lerp2(topLeft: number, topRight: number, bottomLeft: number, bottomRight: number, fx: number, fy: number): number {
  const top = topLeft + (topRight - topLeft) * fx;
  const bottom = bottomLeft + (bottomRight - bottomLeft) * fx;
  return top + (bottom - top) * fy + 0.5;
}

/** For each output index along one axis: the two source indices to mix and the weight of the second. */
function axisTaps(size: number, scale: number): { first: Int32Array; second: Int32Array; weight: Float32Array } {
  const first = new Int32Array(size);
  const second = new Int32Array(size);
  const weight = new Float32Array(size);
  const centre = size / 2;
  for (let i = 0; i < size; i += 1) {
    const position = Math.min(size - 1, Math.max(0, centre + (i + 0.5 - centre) / scale - 0.5));
    const index = Math.floor(position);
    first[i] = index;
    second[i] = Math.min(size - 1, index + 1);
    weight[i] = position - index;
  }
  return { first, second, weight };
}

/** out ← out·(1−weight) + other·weight, in 8-bit fixed point (a float loop is twice as slow). */
function blendInto(out: Uint8Array, other: Uint8Array, weight: number): void {
  const w = Math.round(weight * 256);
  if (w <= 0) return;
  if (w >= 256) {
    out.set(other.subarray(0, out.length));
    return;
  }
  const keep = 256 - w;
  for (let i = 0; i < out.length; i += 1) out[i] = (out[i]! * keep + other[i]! * w + 128) >> 8;
}
