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
 * CAPM returns `rf + β_i (E[r_m] − rf)` (annual fractions), as PyPortfolioOpt's `capm_return`:
 * market = the given daily series aligned to `r` (NaN = missing) or the equal-weighted mean of the
 * assets available that day; β_i = cov(r_i, r_m) / var(r_m), the covariance pairwise complete (over the
 * days both have a return, ddof 1) and var(r_m) over all the market's days; E[r_m] is the market's
 * growth over all its own returns, `prod(1 + r_m)^(f/count) − 1` (or mean × f without compounding).
 * NaN for an asset with fewer than 2 days in common with the market.
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
  const out = new Float64Array(n).fill(NaN);
  let m = 0, mm = 0, logSum = 0;
  for (let t = 0; t < T; t++) {
    const x = mkt[t]!;
    if (x !== x) continue;
    m++;
    mm += x;
    logSum += Math.log1p(x);
  }
  if (m < 2) return out;
  mm /= m;
  let varM = 0;
  for (let t = 0; t < T; t++) if (mkt[t] === mkt[t]) varM += (mkt[t]! - mm) ** 2;
  varM /= m - 1;
  const mktRet = compounding ? Math.exp((logSum * frequency) / m) - 1 : mm * frequency;
  for (let j = 0; j < n; j++) {
    let k = 0, sj = 0, sm = 0;
    for (let t = 0; t < T; t++) {
      const x = values[t * n + j]!, y = mkt[t]!;
      if (x === x && y === y) (k++, (sj += x), (sm += y));
    }
    if (k < 2) continue;
    const mj = sj / k, mk = sm / k;
    let c = 0;
    for (let t = 0; t < T; t++) {
      const x = values[t * n + j]!, y = mkt[t]!;
      if (x === x && y === y) c += (x - mj) * (y - mk);
    }
    out[j] = rf + (c / (k - 1) / varM) * (mktRet - rf);
  }
  return out;
}
