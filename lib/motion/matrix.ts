/**
 * 3×3 homogeneous matrices, row-major in a Float64Array(9): [a b c; d e f; g h i] maps (x, y) to
 * ((a·x + b·y + c) / w, (d·x + e·y + f) / w) with w = g·x + h·y + i. Helpers write into a target so
 * the per-frame path allocates nothing.
 */

export type Mat3 = Float64Array;

export function identity(out: Mat3 = new Float64Array(9)): Mat3 {
  out.fill(0);
  out[0] = 1;
  out[4] = 1;
  out[8] = 1;
  return out;
}

export function fromValues(values: readonly number[]): Mat3 {
  return Float64Array.from(values);
}

/** out ← a · b (applies b first). `out` may alias a or b. */
export function multiply(a: Mat3, b: Mat3, out: Mat3 = new Float64Array(9)): Mat3 {
  // Read everything first: `out` may be one of the inputs.
  const a0 = a[0]!, a1 = a[1]!, a2 = a[2]!, a3 = a[3]!, a4 = a[4]!, a5 = a[5]!, a6 = a[6]!, a7 = a[7]!, a8 = a[8]!;
  const b0 = b[0]!, b1 = b[1]!, b2 = b[2]!, b3 = b[3]!, b4 = b[4]!, b5 = b[5]!, b6 = b[6]!, b7 = b[7]!, b8 = b[8]!;
  out[0] = a0 * b0 + a1 * b3 + a2 * b6;
  out[1] = a0 * b1 + a1 * b4 + a2 * b7;
  out[2] = a0 * b2 + a1 * b5 + a2 * b8;
  out[3] = a3 * b0 + a4 * b3 + a5 * b6;
  out[4] = a3 * b1 + a4 * b4 + a5 * b7;
  out[5] = a3 * b2 + a4 * b5 + a5 * b8;
  out[6] = a6 * b0 + a7 * b3 + a8 * b6;
  out[7] = a6 * b1 + a7 * b4 + a8 * b7;
  out[8] = a6 * b2 + a7 * b5 + a8 * b8;
  return out;
}

/** out ← m⁻¹ (by the adjugate). Throws on a singular matrix, which no camera pose produces. */
export function invert(m: Mat3, out: Mat3 = new Float64Array(9)): Mat3 {
  const a = m[0]!, b = m[1]!, c = m[2]!, d = m[3]!, e = m[4]!, f = m[5]!, g = m[6]!, h = m[7]!, i = m[8]!;
  const A = e * i - f * h;
  const B = f * g - d * i;
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) throw new RangeError("singular matrix");
  const k = 1 / det;
  out[0] = A * k;
  out[1] = (c * h - b * i) * k;
  out[2] = (b * f - c * e) * k;
  out[3] = B * k;
  out[4] = (a * i - c * g) * k;
  out[5] = (c * d - a * f) * k;
  out[6] = C * k;
  out[7] = (b * g - a * h) * k;
  out[8] = (a * e - b * d) * k;
  return out;
}

export function transformPoint(m: Mat3, x: number, y: number): { x: number; y: number } {
  const w = m[6]! * x + m[7]! * y + m[8]!;
  return { x: (m[0]! * x + m[1]! * y + m[2]!) / w, y: (m[3]! * x + m[4]! * y + m[5]!) / w };
}

/**
 * The affine map closest to `m` around (x, y) (value and first derivatives agree there), as the six
 * numbers of CanvasRenderingContext2D.setTransform(a, b, c, d, e, f). Exact when m has no perspective.
 * A 2D canvas cannot draw a projective warp; around the centre of the frame this is what the eye follows.
 */
export function affineAt(m: Mat3, x: number, y: number): [number, number, number, number, number, number] {
  const w = m[6]! * x + m[7]! * y + m[8]!;
  const p = transformPoint(m, x, y);
  // Jacobian of the projective map at (x, y).
  const a = (m[0]! - p.x * m[6]!) / w;
  const c = (m[1]! - p.x * m[7]!) / w;
  const b = (m[3]! - p.y * m[6]!) / w;
  const d = (m[4]! - p.y * m[7]!) / w;
  return [a, b, c, d, p.x - a * x - c * y, p.y - b * x - d * y];
}
