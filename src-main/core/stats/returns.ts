/** Daily returns from a price matrix, following the numerical conventions (no forward fill). */
import type { PriceMatrix } from '../price-matrix.js';

export interface ReturnMatrix {
  /** Date of each return row (the later of the two prices). */
  dates: string[];
  tickers: string[];
  /** Row-major T×n daily returns (fraction); NaN where either price is missing. */
  values: Float64Array;
  T: number;
  n: number;
}

/** Daily simple (p_t/p_{t-1} − 1) or log returns; rows where every asset is NaN are dropped. */
export function returnsFromPrices(prices: PriceMatrix, log = false): ReturnMatrix {
  const n = prices.tickers.length;
  const rows = Math.max(0, prices.dates.length - 1);
  const out = new Float64Array(rows * n);
  const dates: string[] = [];
  let T = 0;
  const p = prices.values;
  for (let t = 1; t <= rows; t++) {
    let any = false;
    const o = T * n;
    for (let j = 0; j < n; j++) {
      const a = p[(t - 1) * n + j]!;
      const b = p[t * n + j]!;
      // Non-positive prices give no return rather than ±Infinity.
      const r = a > 0 && b > 0 ? (log ? Math.log(b / a) : b / a - 1) : NaN;
      out[o + j] = r;
      if (r === r) any = true;
    }
    if (any) {
      dates.push(prices.dates[t]!);
      T++;
    }
  }
  return { dates, tickers: prices.tickers.slice(), values: out.slice(0, T * n), T, n };
}

/** Daily simple returns v_t/v_{t−1} − 1 of one value series (an equity curve, a marked price), length − 1. */
export function seriesReturns(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) out[i - 1] = values[i]! / values[i - 1]! - 1;
  return out;
}

/** Count of non-NaN returns per asset. */
export function countPerAsset(r: ReturnMatrix): Int32Array {
  const c = new Int32Array(r.n);
  for (let t = 0; t < r.T; t++) for (let j = 0; j < r.n; j++) if (r.values[t * r.n + j] === r.values[t * r.n + j]) c[j]++;
  return c;
}

/** Copy with NaN replaced by 0 (the convention of the shrinkage estimators and scenario objectives). */
export function nanToZero(values: Float64Array): Float64Array {
  const out = values.slice();
  for (let i = 0; i < out.length; i++) if (out[i] !== out[i]) out[i] = 0;
  return out;
}

/** Rows of `r` where every asset has a return (scenario objectives need complete scenarios). */
export function completeReturnRows(r: ReturnMatrix): { values: Float64Array; T: number } {
  const { n } = r;
  const out = new Float64Array(r.T * n);
  let T = 0;
  for (let t = 0; t < r.T; t++) {
    let complete = true;
    for (let j = 0; j < n && complete; j++) if (r.values[t * n + j] !== r.values[t * n + j]) complete = false;
    if (!complete) continue;
    out.set(r.values.subarray(t * n, (t + 1) * n), T * n);
    T++;
  }
  return { values: out.slice(0, T * n), T };
}
