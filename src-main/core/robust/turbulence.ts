/**
 * Crisis-aware risk (Kritzman & Li 2010; Chow et al. 1999): a turbulence index per day, the covariance
 * of the most turbulent days and of the rest, their blend, and how much diversification is lost.
 */
import { fail, ok, type CoreResult } from '../result.js';
import { choleskyFactor } from '../stats/cholesky.js';
import { solveLower, symEigen } from '../stats/linalg.js';
import { sampleCov } from '../stats/risk-models.js';
import type { ReturnMatrix } from '../stats/returns.js';

export interface TurbulenceSplit {
  /** Turbulence per row: (r_t − μ)ᵀ Σ⁻¹ (r_t − μ) under the window's sample mean and covariance (daily). */
  index: Float64Array;
  /** Smallest index inside the turbulent set. */
  threshold: number;
  /** Rows in the turbulent set (⌈share·T⌉ rows of highest index), ascending. */
  turbulentRows: number[];
  /** Annualised (× frequency) sample covariances around each set's own mean, row-major n×n. */
  turbulent: Float64Array;
  quiet: Float64Array;
}

/** Rows `rows` of a complete T×n return block as a ReturnMatrix. */
function subset(values: Float64Array, n: number, rows: readonly number[], tickers: string[]): ReturnMatrix {
  const out = new Float64Array(rows.length * n);
  rows.forEach((t, k) => out.set(values.subarray(t * n, (t + 1) * n), k * n));
  return { dates: [], tickers, values: out, T: rows.length, n };
}

/** Mahalanobis turbulence of every row of a complete T×n block of daily returns (no division by n). */
export function turbulenceIndex(values: Float64Array, T: number, n: number, tickers: string[] = []): CoreResult<Float64Array> {
  if (T < n + 2) return fail('insufficient-data', `the turbulence index needs more complete return rows (${T}) than assets + 1 (${n + 1})`, { rows: T, assets: n });
  const mean = new Float64Array(n);
  for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) mean[j] = mean[j]! + values[t * n + j]!;
  for (let j = 0; j < n; j++) mean[j] = mean[j]! / T;
  const L = sampleCov({ dates: [], tickers, values, T, n }, 1);
  if (choleskyFactor(L, n) >= 0) return fail('singular-covariance', 'the turbulence index needs a non-singular sample covariance (an asset is a combination of the others)');
  const index = new Float64Array(T);
  const z = new Float64Array(n);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < n; i++) z[i] = values[t * n + i]! - mean[i]!;
    solveLower(L, n, z);
    let s = 0;
    for (let i = 0; i < n; i++) s += z[i]! * z[i]!;
    index[t] = s;
  }
  return ok(index);
}

/** Splits complete daily returns into the ⌈share·T⌉ most turbulent rows and the rest; covariances × frequency. */
export function turbulenceSplit(values: Float64Array, T: number, n: number, share: number, frequency: number, tickers: string[] = []): CoreResult<TurbulenceSplit> {
  const idx = turbulenceIndex(values, T, n, tickers);
  if (!idx.ok) return idx;
  const index = idx.value;
  const k = Math.ceil(share * T);
  if (k < 2 || T - k < 2) return fail('insufficient-data', `a turbulent share of ${share} leaves ${k} turbulent and ${T - k} quiet rows; each needs at least 2`, { rows: T, share });
  const order = Array.from({ length: T }, (_, t) => t).sort((a, b) => index[b]! - index[a]! || a - b);
  const turbulentRows = order.slice(0, k).sort((a, b) => a - b);
  const quietRows = order.slice(k).sort((a, b) => a - b);
  return ok({
    index,
    threshold: index[order[k - 1]!]!,
    turbulentRows,
    turbulent: sampleCov(subset(values, n, turbulentRows, tickers), frequency),
    quiet: sampleCov(subset(values, n, quietRows, tickers), frequency),
  });
}

/** p·A + (1 − p)·B for two n×n matrices. */
export function blendCovariance(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = p * a[k]! + (1 - p) * b[k]!;
  return out;
}

export interface Diversification {
  /** Mean off-diagonal correlation. */
  averageCorrelation: number;
  /** exp(entropy) of the correlation matrix's normalised eigenvalues: n when uncorrelated, 1 when one factor explains all. */
  effectiveBets: number;
}

/** Average correlation and effective number of independent bets of a covariance matrix. */
export function diversificationOf(cov: Float64Array, n: number): Diversification {
  const corr = new Float64Array(n * n);
  let sum = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const d = Math.sqrt(cov[i * n + i]! * cov[j * n + j]!);
      const c = d > 0 ? cov[i * n + j]! / d : i === j ? 1 : 0;
      corr[i * n + j] = c;
      if (i < j) sum += c;
    }
  const pairs = (n * (n - 1)) / 2;
  const { values } = symEigen(corr, n);
  let total = 0;
  for (const v of values) total += Math.max(0, v);
  let entropy = 0;
  for (const v of values) {
    const q = Math.max(0, v) / total;
    if (q > 0) entropy -= q * Math.log(q);
  }
  return { averageCorrelation: pairs > 0 ? sum / pairs : 1, effectiveBets: Math.exp(entropy) };
}
