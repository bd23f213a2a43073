/** Expected-return estimators (annualised fractions), matching PyPortfolioOpt's expected_returns module. */
import type { ReturnMatrix } from './returns.js';

/** Historical mean: compounded `prod(1+r)^(f/count) − 1` over each asset's own history, else `mean·f`. */
export function meanHistoricalReturn(r: ReturnMatrix, frequency: number, compounding = true): Float64Array {
  const { n, T, values } = r;
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let count = 0;
    let logSum = 0;
    let sum = 0;
    for (let t = 0; t < T; t++) {
      const x = values[t * n + j]!;
      if (x !== x) continue;
      count++;
      sum += x;
      logSum += Math.log1p(x);
    }
    out[j] = count === 0 ? NaN : compounding ? Math.exp((logSum * frequency) / count) - 1 : (sum / count) * frequency;
  }
  return out;
}

/**
 * Last value of pandas' `ewm(span).mean()` (adjust=True, ignore_na=False): weights (1−α)^age over the
 * non-NaN values, α = 2/(span+1). Ages count rows, including NaN rows.
 */
export function ewmLast(values: Float64Array, T: number, n: number, j: number, span: number): number {
  const decay = 1 - 2 / (span + 1);
  let w = 1;
  let num = 0;
  let den = 0;
  for (let t = T - 1; t >= 0; t--) {
    const x = values[t * n + j]!;
    if (x === x) {
      num += w * x;
      den += w;
    }
    w *= decay;
    if (w < 1e-300) break;
  }
  return den === 0 ? NaN : num / den;
}

/** Exponentially weighted mean return, `(1+ema)^f − 1` when compounding, else `ema·f`. */
export function emaHistoricalReturn(r: ReturnMatrix, frequency: number, span: number, compounding = true): Float64Array {
  const out = new Float64Array(r.n);
  for (let j = 0; j < r.n; j++) {
    const m = ewmLast(r.values, r.T, r.n, j, span);
    out[j] = compounding ? (1 + m) ** frequency - 1 : m * frequency;
  }
  return out;
}

/**
 * CAPM returns `rf + β_i (E[r_m] − rf)` with β from the covariance on dates where every asset and the
 * market have a return; market = given daily series aligned to `r` (NaN = missing) or the equal-weighted
 * mean of the available assets. E[r_m] compounded over those dates.
 */
export function capmReturn(
  r: ReturnMatrix,
  frequency: number,
  rf: number,
  market?: Float64Array,
  compounding = true,
): Float64Array {
  const { n, T, values } = r;
  const mkt = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    if (market) {
      mkt[t] = market[t]!;
      continue;
    }
    let s = 0;
    let c = 0;
    for (let j = 0; j < n; j++) {
      const x = values[t * n + j]!;
      if (x === x) {
        s += x;
        c++;
      }
    }
    mkt[t] = c ? s / c : NaN;
  }
  const rows: number[] = [];
  for (let t = 0; t < T; t++) {
    let okRow = mkt[t] === mkt[t];
    for (let j = 0; okRow && j < n; j++) if (values[t * n + j] !== values[t * n + j]) okRow = false;
    if (okRow) rows.push(t);
  }
  const m = rows.length;
  const out = new Float64Array(n).fill(NaN);
  if (m < 2) return out;
  let mm = 0;
  for (const t of rows) mm += mkt[t]!;
  mm /= m;
  let varM = 0;
  for (const t of rows) varM += (mkt[t]! - mm) ** 2;
  let logSum = 0;
  for (const t of rows) logSum += Math.log1p(mkt[t]!);
  const mktRet = compounding ? Math.exp((logSum * frequency) / m) - 1 : mm * frequency;
  for (let j = 0; j < n; j++) {
    let mj = 0;
    for (const t of rows) mj += values[t * n + j]!;
    mj /= m;
    let c = 0;
    for (const t of rows) c += (values[t * n + j]! - mj) * (mkt[t]! - mm);
    out[j] = rf + (c / varM) * (mktRet - rf);
  }
  return out;
}
