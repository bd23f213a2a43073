/** Risk models (annualised n×n covariance, row-major) matching PyPortfolioOpt's risk_models conventions. */
import { choleskyInPlace, symEigen } from './linalg.js';
import { ewmLast } from './expected-returns.js';
import type { ReturnMatrix } from './returns.js';

/** Column-major copy (n×T) so per-asset series are contiguous for the pair loops. */
function columns(r: ReturnMatrix): Float64Array {
  const { n, T, values } = r;
  const c = new Float64Array(n * T);
  for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) c[j * T + t] = values[t * n + j]!;
  return c;
}

function hasNaN(c: Float64Array, off: number, T: number): boolean {
  for (let t = 0; t < T; t++) if (c[off + t] !== c[off + t]) return true;
  return false;
}

/** Σ_t a_t b_t over contiguous series, 4 accumulators so the loop pipelines. */
function dotAt(c: Float64Array, a: number, b: number, T: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let t = 0;
  for (; t + 3 < T; t += 4) {
    s0 += c[a + t]! * c[b + t]!;
    s1 += c[a + t + 1]! * c[b + t + 1]!;
    s2 += c[a + t + 2]! * c[b + t + 2]!;
    s3 += c[a + t + 3]! * c[b + t + 3]!;
  }
  for (; t < T; t++) s0 += c[a + t]! * c[b + t]!;
  return s0 + s1 + s2 + s3;
}

/** Pairwise-complete sample covariance (ddof 1) × frequency, like pandas `DataFrame.cov()`. */
export function sampleCov(r: ReturnMatrix, frequency: number): Float64Array {
  const { n, T } = r;
  const c = columns(r);
  const complete = new Uint8Array(n);
  const centered = c.slice();
  for (let j = 0; j < n; j++) {
    if (hasNaN(c, j * T, T)) continue;
    complete[j] = 1;
    let m = 0;
    for (let t = 0; t < T; t++) m += c[j * T + t]!;
    m /= T;
    for (let t = 0; t < T; t++) centered[j * T + t] = c[j * T + t]! - m;
  }
  const out = new Float64Array(n * n);
  const full: number[] = [];
  for (let j = 0; j < n; j++) if (complete[j]) full.push(j);
  gramBlocked(centered, T, full, out, n, frequency / (T - 1));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      if (complete[i] && complete[j]) continue;
      const v = pairCov(c, i * T, j * T, T) * frequency;
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return out;
}

/**
 * out[a,b] = scale·⟨col a, col b⟩ for all pairs of the listed columns (n×T column-major input), in 4×4
 * blocks: each pass over t loads 8 values for 16 products, twice the arithmetic per load of a pairwise
 * dot product (this loop is the covariance's whole cost).
 */
function gramBlocked(c: Float64Array, T: number, cols: number[], out: Float64Array, n: number, scale: number): void {
  const m = cols.length;
  const m4 = m - (m % 4);
  for (let bi = 0; bi < m4; bi += 4) {
    const i0 = cols[bi]! * T, i1 = cols[bi + 1]! * T, i2 = cols[bi + 2]! * T, i3 = cols[bi + 3]! * T;
    for (let bj = bi; bj < m4; bj += 4) {
      const j0 = cols[bj]! * T, j1 = cols[bj + 1]! * T, j2 = cols[bj + 2]! * T, j3 = cols[bj + 3]! * T;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let t = 0; t < T; t++) {
        const a0 = c[i0 + t]!, a1 = c[i1 + t]!, a2 = c[i2 + t]!, a3 = c[i3 + t]!;
        const b0 = c[j0 + t]!, b1 = c[j1 + t]!, b2 = c[j2 + t]!, b3 = c[j3 + t]!;
        s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
        s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
        s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
        s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
      }
      const sums = [s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33];
      for (let x = 0; x < 4; x++)
        for (let y = 0; y < 4; y++) {
          const i = cols[bi + x]!, j = cols[bj + y]!;
          const v = sums[x * 4 + y]! * scale;
          out[i * n + j] = v;
          out[j * n + i] = v;
        }
    }
  }
  // Remainder columns (m mod 4) against everything.
  for (let a = m4; a < m; a++)
    for (let b = 0; b < m; b++) {
      const i = cols[a]!, j = cols[b]!;
      const v = dotAt(c, i * T, j * T, T) * scale;
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
}

/** Covariance over the rows where both series exist (ddof 1); NaN when fewer than 2 such rows. */
function pairCov(c: Float64Array, a: number, b: number, T: number): number {
  let k = 0, sa = 0, sb = 0;
  for (let t = 0; t < T; t++) {
    const x = c[a + t]!, y = c[b + t]!;
    if (x === x && y === y) {
      k++;
      sa += x;
      sb += y;
    }
  }
  if (k < 2) return NaN;
  const ma = sa / k, mb = sb / k;
  let s = 0;
  for (let t = 0; t < T; t++) {
    const x = c[a + t]!, y = c[b + t]!;
    if (x === x && y === y) s += (x - ma) * (y - mb);
  }
  return s / (k - 1);
}

/** Semicovariance against a daily benchmark: `D'D/T × f` with D = min(r − b, 0), missing = 0. */
export function semicovariance(r: ReturnMatrix, frequency: number, benchmark: number): Float64Array {
  const { n, T } = r;
  const c = columns(r);
  for (let i = 0; i < c.length; i++) {
    const x = c[i]!;
    c[i] = x === x ? Math.min(x - benchmark, 0) : 0;
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const v = (dotAt(c, i * T, j * T, T) / T) * frequency;
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  return out;
}

/** Exponentially weighted covariance × frequency: EWM (span) of (x − x̄)(y − ȳ), its last value per pair. */
export function expCov(r: ReturnMatrix, frequency: number, span: number): Float64Array {
  const { n, T } = r;
  const c = columns(r);
  const means = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0, k = 0;
    for (let t = 0; t < T; t++) {
      const x = c[j * T + t]!;
      if (x === x) {
        s += x;
        k++;
      }
    }
    means[j] = s / k;
  }
  const prod = new Float64Array(T);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      for (let t = 0; t < T; t++) prod[t] = (c[i * T + t]! - means[i]!) * (c[j * T + t]! - means[j]!);
      const v = ewmLast(prod, T, 1, 0, span) * frequency;
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  return out;
}

export interface PsdRepair {
  matrix: Float64Array;
  repaired: boolean;
  /** Most negative eigenvalue clipped (0 when not repaired). */
  minEigenvalue: number;
}

/** Clips negative eigenvalues to 0 when the matrix is not PSD (PyPortfolioOpt's "spectral" fix). */
export function fixNonPsd(m: Float64Array, n: number): PsdRepair {
  const probe = m.slice();
  for (let i = 0; i < n; i++) probe[i * n + i] = probe[i * n + i]! + 1e-16;
  if (choleskyInPlace(probe, n) < 0) return { matrix: m, repaired: false, minEigenvalue: 0 };
  const { values, vectors } = symEigen(m, n);
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const q = values[k]!;
    if (!(q > 0)) continue;
    for (let i = 0; i < n; i++) {
      const vi = vectors[i * n + k]! * q;
      if (vi === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j] = out[i * n + j]! + vi * vectors[j * n + k]!;
    }
  }
  // symmetrise rounding
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (out[i * n + j]! + out[j * n + i]!);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  return { matrix: out, repaired: true, minEigenvalue: values[0]! };
}
