/**
 * Shrunk expected returns: James–Stein, Bayes–Stein (Jorion 1986) and Bodnar–Okhrin–Parolya (2019),
 * pulling the sample mean towards a common target so that noise in the means moves the weights less.
 * Formulas follow skfolio's `ShrunkMu` (which follows Riskfolio-Lib), so results can be cross-checked.
 * Everything is estimated on the dates where every asset has a return (the estimators need Σ⁻¹ jointly).
 */
import { fail, ok, type CoreResult } from '../result.js';
import { solveSpd } from '../stats/linalg.js';
import { sampleCov } from '../stats/risk-models.js';
import { completeReturnRows, type ReturnMatrix } from '../stats/returns.js';

export type ShrunkMeanMethod = 'james-stein' | 'bayes-stein' | 'bodnar-okhrin';
export type ShrinkTarget = 'grand-mean' | 'min-variance';

export interface ShrunkMean {
  /** Annualised (× frequency) shrunk mean per asset (fraction). */
  mu: Float64Array;
  /** Weight on the sample mean (α) and on the target (β): μ = α·μ̂ + β·b. */
  alpha: number;
  beta: number;
  /** Annualised target value b (the same for every asset). */
  target: number;
  /** Number of complete return rows used. */
  T: number;
}

/** Daily sample mean and sample covariance (ddof 1) of the complete rows. */
export function completeRowMoments(r: ReturnMatrix): { mean: Float64Array; cov: Float64Array; T: number } {
  const { n } = r;
  const rows = completeReturnRows(r);
  const mean = new Float64Array(n);
  for (let t = 0; t < rows.T; t++) for (let j = 0; j < n; j++) mean[j] = mean[j]! + rows.values[t * n + j]!;
  for (let j = 0; j < n; j++) mean[j] = mean[j]! / rows.T;
  const cov = sampleCov({ dates: [], tickers: r.tickers, values: rows.values, T: rows.T, n }, 1);
  return { mean, cov, T: rows.T };
}

/** Largest eigenvalue of a symmetric PSD matrix by power iteration (Rayleigh quotient to 1e-15). */
export function largestEigenvalue(a: Float64Array, n: number): number {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  let lambda = 0;
  for (let it = 0; it < 5000; it++) {
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j]! * v[j]!;
      w[i] = s;
    }
    let rq = 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      rq += v[i]! * w[i]!;
      norm += w[i]! * w[i]!;
    }
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    for (let i = 0; i < n; i++) w[i] = w[i]! / norm;
    v = w;
    if (Math.abs(rq - lambda) <= 1e-15 * Math.abs(rq)) return rq;
    lambda = rq;
  }
  return lambda;
}

/** Shrunk annualised means of `r` (daily returns) by `method` towards `target`; `frequency` periods a year. */
export function shrunkMean(r: ReturnMatrix, method: ShrunkMeanMethod, target: ShrinkTarget, frequency: number): CoreResult<ShrunkMean> {
  const { n } = r;
  const { mean, cov, T } = completeRowMoments(r);
  if (T < n + 2) {
    return fail('insufficient-data', `${method} needs more dates where every asset has a return (${T}) than assets + 1 (${n + 1})`, { rows: T, assets: n });
  }
  const ones = new Float64Array(n).fill(1);
  const invOnes = solveSpd(cov, n, ones);
  const invMean = solveSpd(cov, n, mean);
  if (!invOnes || !invMean) return fail('singular-covariance', `${method}: the sample covariance of the complete rows is singular`, { rows: T, assets: n });
  let b: number;
  if (target === 'min-variance') {
    let num = 0;
    let den = 0;
    for (let j = 0; j < n; j++) {
      num += invOnes[j]! * mean[j]!;
      den += invOnes[j]!;
    }
    b = num / den;
  } else {
    b = mean.reduce((s, x) => s + x, 0) / n;
  }
  let alpha: number;
  let beta: number;
  if (method === 'james-stein') {
    // Meucci's form: β = (tr Σ − 2 λ_max) / (T ‖μ̂ − b‖²).
    let trace = 0;
    let dist = 0;
    for (let j = 0; j < n; j++) {
      trace += cov[j * n + j]!;
      dist += (mean[j]! - b) ** 2;
    }
    beta = (trace - 2 * largestEigenvalue(cov, n)) / dist / T;
    alpha = 1 - beta;
  } else if (method === 'bayes-stein') {
    const d = mean.map((x) => x - b);
    const invD = solveSpd(cov, n, d)!;
    let q = 0;
    for (let j = 0; j < n; j++) q += d[j]! * invD[j]!;
    beta = (n + 2) / (T * q + (n + 2));
    alpha = 1 - beta;
  } else {
    if (T <= n) return fail('insufficient-data', 'bodnar-okhrin needs more dates than assets', { rows: T, assets: n });
    let u = 0;
    let v = 0;
    let w = 0;
    for (let j = 0; j < n; j++) {
      u += mean[j]! * invMean[j]!;
      v += b * invMean[j]!;
      w += b * b * invOnes[j]!;
    }
    alpha = ((u - n / (T - n)) * w - v * v) / (u * w - v * v);
    beta = ((1 - alpha) * v) / u;
  }
  const mu = new Float64Array(n);
  for (let j = 0; j < n; j++) mu[j] = (alpha * mean[j]! + beta * b) * frequency;
  return ok({ mu, alpha, beta, target: b * frequency, T });
}
