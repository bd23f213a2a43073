/**
 * Statistical factors: the leading eigenvectors of the sample covariance of complete return rows. k is
 * given, or the number of correlation eigenvalues above the Marchenko–Pastur edge (1 + √(n/T))².
 */
import { mulberry32 } from '../backtest/prng.js';
import { symEigen } from '../stats/linalg.js';

export interface PcaResult {
  k: number;
  /** Leading eigenvalues of the per-period covariance, descending. */
  values: Float64Array;
  /** n×k row-major; each column unit length, its largest-magnitude entry positive. */
  vectors: Float64Array;
  /** Share of the total variance (trace) each factor explains. */
  explained: Float64Array;
  /** Subspace iterations used (0 = full decomposition). */
  iterations: number;
  converged: boolean;
}

/** Flips each column of an n×k matrix so its largest-magnitude entry is positive (numpy comparisons use the same rule). */
export function normaliseSigns(v: Float64Array, n: number, k: number): void {
  for (let c = 0; c < k; c++) {
    let best = 0;
    for (let i = 0; i < n; i++) if (Math.abs(v[i * k + c]!) > Math.abs(best)) best = v[i * k + c]!;
    if (best < 0) for (let i = 0; i < n; i++) v[i * k + c] = -v[i * k + c]!;
  }
}

/** Orthonormalises the columns of an n×l matrix in place (modified Gram–Schmidt, twice for stability). */
function orthonormalise(q: Float64Array, n: number, l: number): void {
  for (let pass = 0; pass < 2; pass++)
    for (let c = 0; c < l; c++) {
      for (let p = 0; p < c; p++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += q[i * l + p]! * q[i * l + c]!;
        for (let i = 0; i < n; i++) q[i * l + c] = q[i * l + c]! - s * q[i * l + p]!;
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += q[i * l + c]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let i = 0; i < n; i++) q[i * l + c] = q[i * l + c]! / norm;
    }
}

/** Z = A Q for symmetric n×n A and n×l Q (both row-major). */
function multiply(a: Float64Array, n: number, q: Float64Array, l: number, z: Float64Array): void {
  z.fill(0);
  for (let i = 0; i < n; i++) {
    const zi = i * l;
    for (let j = 0; j < n; j++) {
      const v = a[i * n + j]!;
      if (v === 0) continue;
      const qj = j * l;
      for (let c = 0; c < l; c++) z[zi + c] = z[zi + c]! + v * q[qj + c]!;
    }
  }
}

/** Leading k eigenpairs of symmetric A by subspace iteration with Rayleigh–Ritz (relative residual ≤ tol). */
function leadingEigen(a: Float64Array, n: number, k: number, tol: number, maxIter: number): { values: Float64Array; vectors: Float64Array; iterations: number; converged: boolean } {
  const l = Math.min(n, k + Math.max(10, k));
  const rand = mulberry32(12345);
  let q = Float64Array.from({ length: n * l }, () => rand() - 0.5);
  orthonormalise(q, n, l);
  const z = new Float64Array(n * l);
  const h = new Float64Array(l * l);
  let values = new Float64Array(k);
  let vectors = new Float64Array(n * k);
  for (let it = 1; it <= maxIter; it++) {
    multiply(a, n, q, l, z);
    // Rayleigh–Ritz on span(Q): H = Qᵀ A Q, then rotate Q and AQ by H's eigenvectors.
    for (let r = 0; r < l; r++)
      for (let c = 0; c <= r; c++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += q[i * l + r]! * z[i * l + c]!;
        h[r * l + c] = s;
        h[c * l + r] = s;
      }
    const e = symEigen(h, l);
    const qn = new Float64Array(n * l);
    const zn = new Float64Array(n * l);
    for (let i = 0; i < n; i++)
      for (let c = 0; c < l; c++) {
        const src = l - 1 - c; // descending
        let sq = 0, sz = 0;
        for (let r = 0; r < l; r++) {
          const u = e.vectors[r * l + src]!;
          sq += q[i * l + r]! * u;
          sz += z[i * l + r]! * u;
        }
        qn[i * l + c] = sq;
        zn[i * l + c] = sz;
      }
    values = Float64Array.from({ length: k }, (_, c) => e.values[l - 1 - c]!);
    let worst = 0;
    for (let c = 0; c < k; c++) {
      let res = 0;
      for (let i = 0; i < n; i++) res += (zn[i * l + c]! - values[c]! * qn[i * l + c]!) ** 2;
      worst = Math.max(worst, Math.sqrt(res) / Math.max(values[0]!, 1e-300));
    }
    if (worst <= tol || it === maxIter) {
      vectors = new Float64Array(n * k);
      for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) vectors[i * k + c] = qn[i * l + c]!;
      return { values, vectors, iterations: it, converged: worst <= tol };
    }
    q = zn;
    orthonormalise(q, n, l);
  }
  return { values, vectors, iterations: maxIter, converged: false };
}

/** Number of eigenvalues of symmetric A above `threshold`, by the inertia of A − threshold·I (LDLᵀ, no pivoting). */
export function countEigenvaluesAbove(a: Float64Array, n: number, threshold: number): number {
  const m = a.slice();
  for (let i = 0; i < n; i++) m[i * n + i] = m[i * n + i]! - threshold;
  let above = 0;
  // Symmetric Gaussian elimination: by Sylvester's law the pivots' signs are the eigenvalues' signs.
  for (let p = 0; p < n; p++) {
    let d = m[p * n + p]!;
    if (d === 0) d = 1e-300;
    if (d > 0) above++;
    for (let i = p + 1; i < n; i++) {
      const f = m[i * n + p]! / d;
      if (f === 0) continue;
      for (let j = p + 1; j < n; j++) m[i * n + j] = m[i * n + j]! - f * m[p * n + j]!;
    }
  }
  return above;
}

/** Marchenko–Pastur factor count: correlation eigenvalues above (1 + √(n/T))², at least 1. */
export function marchenkoPasturK(cov: Float64Array, n: number, T: number): number {
  const corr = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) corr[i * n + j] = cov[i * n + j]! / Math.sqrt(cov[i * n + i]! * cov[j * n + j]!);
  const edge = (1 + Math.sqrt(n / T)) ** 2;
  const k = n <= 300 ? Array.from(symEigen(corr, n).values).filter((v) => v > edge).length : countEigenvaluesAbove(corr, n, edge);
  return Math.max(1, Math.min(k, n - 1));
}

/** PCA of a per-period covariance (n×n row-major): the k leading eigenpairs, full decomposition when n ≤ 300. */
export function pcaOfCovariance(cov: Float64Array, n: number, k: number): PcaResult {
  let trace = 0;
  for (let i = 0; i < n; i++) trace += cov[i * n + i]!;
  let values: Float64Array;
  let vectors: Float64Array;
  let iterations = 0;
  let converged = true;
  if (n <= 300) {
    const e = symEigen(cov, n);
    values = Float64Array.from({ length: k }, (_, c) => e.values[n - 1 - c]!);
    vectors = new Float64Array(n * k);
    for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) vectors[i * k + c] = e.vectors[i * n + (n - 1 - c)]!;
  } else {
    const e = leadingEigen(cov, n, k, 1e-10, 500);
    ({ values, vectors, iterations, converged } = e);
  }
  normaliseSigns(vectors, n, k);
  return { k, values, vectors, explained: values.map((v) => v / trace), iterations, converged };
}
