/**
 * Seeded sampling for resampled efficiency: normal and gamma variates, sample moments of a normal
 * window (mean ~ N, scatter ~ Wishart by Bartlett's decomposition), and the stationary block bootstrap.
 */
import { mulberry32 } from '../backtest/prng.js';
import { choleskyFactor } from '../stats/cholesky.js';
import { crossProduct } from '../stats/gram.js';

export interface Sampler {
  uniform(): number;
  normal(): number;
  /** Gamma(shape, 1) variate (Marsaglia–Tsang). */
  gamma(shape: number): number;
}

/** A seeded sampler (mulberry32 underneath, Box–Muller normals). */
export function sampler(seed: number): Sampler {
  const u = mulberry32(seed);
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const a = Math.max(u(), 1e-300);
    const b = u();
    const r = Math.sqrt(-2 * Math.log(a));
    spare = r * Math.sin(2 * Math.PI * b);
    return r * Math.cos(2 * Math.PI * b);
  };
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(Math.max(u(), 1e-300), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const w = u();
      if (w < 1 - 0.0331 * x ** 4 || Math.log(Math.max(w, 1e-300)) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  return { uniform: u, normal, gamma };
}

/**
 * Estimates drawn as a normal window would give them, without simulating the returns:
 * mean = μ + meanScale·L·z (L = chol Σ, z ~ N(0, I)) and df·S ~ Wishart(Σ, df). For annualised μ, Σ
 * from T daily rows: meanScale = √(f/T), df = T − 1. `covScale` shrinks the covariance's deviation
 * from Σ (1 = the window's estimation noise, 0 = none).
 */
export function drawNormalMoments(
  s: Sampler,
  mu: Float64Array,
  cov: Float64Array,
  n: number,
  meanScale: number,
  df: number,
  covScale = 1,
): { mu: Float64Array; cov: Float64Array } | null {
  const L = cov.slice();
  if (choleskyFactor(L, n) >= 0) return null;
  const z = Float64Array.from({ length: n }, () => s.normal());
  const m = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let k = 0; k <= i; k++) acc += L[i * n + k]! * z[k]!;
    m[i] = mu[i]! + meanScale * acc;
  }
  // Bartlett: A lower triangular, A_ii = √χ²(T−1−i), A_ij ~ N(0, 1) below the diagonal; W = (LA)(LA)ᵀ.
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    A[i * n + i] = Math.sqrt(2 * s.gamma((df - i) / 2));
    for (let j = 0; j < i; j++) A[i * n + j] = s.normal();
  }
  // B = L·A (lower triangular), stored row-major; then S = B Bᵀ / df through the Gram kernel on Bᵀ.
  const Bt = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let acc = 0;
      for (let k = j; k <= i; k++) acc += L[i * n + k]! * A[k * n + j]!;
      Bt[j * n + i] = acc;
    }
  const W = new Float64Array(n * n);
  crossProduct({ x: Bt, rows: n, rowStride: n, colStride: 1, cols: Int32Array.from({ length: n }, (_, j) => j), centre: false, scale: 1 / df }, W, n);
  if (covScale !== 1) for (let k = 0; k < n * n; k++) W[k] = cov[k]! + covScale * (W[k]! - cov[k]!);
  return { mu: m, cov: W };
}

/** Row indices of a stationary bootstrap (Politis–Romano): blocks of geometric length with mean `block`, wrapping. */
export function stationaryBootstrap(s: Sampler, T: number, block: number): Int32Array {
  const out = new Int32Array(T);
  const pNew = 1 / Math.max(1, block);
  let t = Math.floor(s.uniform() * T);
  for (let k = 0; k < T; k++) {
    if (k > 0) t = s.uniform() < pNew ? Math.floor(s.uniform() * T) : (t + 1) % T;
    out[k] = t;
  }
  return out;
}
