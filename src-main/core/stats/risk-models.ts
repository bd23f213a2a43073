/** Risk models (annualised n×n covariance, row-major) matching PyPortfolioOpt's risk_models conventions. */
import { choleskyFactor } from './cholesky.js';
import { symEigen } from './linalg.js';
import { ewmLast } from './expected-returns.js';
import { crossProduct } from './gram.js';
import type { ReturnMatrix } from './returns.js';

/** Column-major copy (n×T) so per-asset series are contiguous for the pair loops. */
function columns(r: ReturnMatrix): Float64Array {
  const { n, T, values } = r;
  const c = new Float64Array(n * T);
  for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) c[j * T + t] = values[t * n + j]!;
  return c;
}

/** Indices of the columns without missing values (one row-major pass). */
function completeColumns(r: ReturnMatrix): { cols: Int32Array; complete: Uint8Array } {
  const { n, T, values } = r;
  const complete = new Uint8Array(n).fill(1);
  for (let t = 0; t < T; t++)
    for (let j = 0; j < n; j++) {
      const x = values[t * n + j]!;
      if (x !== x) complete[j] = 0;
    }
  const cols: number[] = [];
  for (let j = 0; j < n; j++) if (complete[j]) cols.push(j);
  return { cols: Int32Array.from(cols), complete };
}

/** Pairwise-complete sample covariance (ddof 1) × frequency, like pandas `DataFrame.cov()`. */
export function sampleCov(r: ReturnMatrix, frequency: number): Float64Array {
  const { n, T } = r;
  const { cols, complete } = completeColumns(r);
  const out = new Float64Array(n * n);
  // Complete columns (the hot path): one centred cross product. Pairs with a gap: overlapping rows only.
  crossProduct({ x: r.values, rows: T, rowStride: n, colStride: 1, cols, centre: true, scale: frequency / (T - 1) }, out, n);
  if (cols.length === n) return out;
  const c = columns(r);
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
  const d = r.values.map((x) => (x === x ? Math.min(x - benchmark, 0) : 0));
  const out = new Float64Array(n * n);
  const all = Int32Array.from({ length: n }, (_, j) => j);
  crossProduct({ x: d, rows: T, rowStride: n, colStride: 1, cols: all, centre: false, scale: frequency / T }, out, n);
  return out;
}

/**
 * Exponentially weighted covariance × frequency: EWM (span, adjust=True) of (x − x̄)(y − ȳ), its last value
 * per pair. For two complete series that is Σ w_t·x̃_t·ỹ_t / Σ w_t with w_t = (1 − α)^(T−1−t), i.e. a cross
 * product of rows scaled by √w_t; pairs with a gap keep the per-pair EWM (gaps leave the weights' decay
 * running but drop out of both sums).
 */
export function expCov(r: ReturnMatrix, frequency: number, span: number): Float64Array {
  const { n, T } = r;
  const { cols, complete } = completeColumns(r);
  const out = new Float64Array(n * n);
  // Same weights, in the same order, as ewmLast (including its cut-off below 1e-300).
  const decay = 1 - 2 / (span + 1);
  const sqrtW = new Float64Array(T);
  let w = 1;
  let den = 0;
  for (let t = T - 1; t >= 0; t--) {
    sqrtW[t] = Math.sqrt(w);
    den += w;
    w *= decay;
    if (w < 1e-300) break;
  }
  crossProduct({ x: r.values, rows: T, rowStride: n, colStride: 1, cols, centre: true, rowScale: sqrtW, scale: frequency / den }, out, n);
  if (cols.length === n) return out;
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
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      if (complete[i] && complete[j]) continue;
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
  if (choleskyFactor(probe, n) < 0) return { matrix: m, repaired: false, minEigenvalue: 0 };
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
