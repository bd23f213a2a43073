/** Daily returns of a fixed-weight portfolio computed from asset prices, without inventing prices. */
import type { PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';

export interface WeightedColumns {
  cols: number[];
  w: number[];
}

/** Column indices and weights of the non-zero weights; unknown tickers are an error. */
export function weightedColumns(prices: PriceMatrix, weights: Record<string, number>): CoreResult<WeightedColumns> {
  const cols: number[] = [];
  const w: number[] = [];
  const unknown: string[] = [];
  for (const [ticker, x] of Object.entries(weights)) {
    if (x === 0) continue;
    const j = prices.tickers.indexOf(ticker);
    if (j < 0) unknown.push(ticker);
    else if (!Number.isFinite(x)) return fail('invalid-input', `the weight of ${ticker} is not a finite number`);
    else {
      cols.push(j);
      w.push(x);
    }
  }
  if (unknown.length > 0) return fail('invalid-input', `weights name tickers without prices: ${unknown.join(', ')}`, { unknown });
  if (cols.length === 0) return fail('invalid-input', 'all weights are zero');
  return ok({ cols, w });
}

/**
 * Daily simple returns (fractions) of a portfolio rebalanced to `weights` every day (1 − Σw in cash at
 * the daily risk-free rate), on the days where every weighted asset has a price today and the day before.
 */
export function constantMixReturns(
  prices: PriceMatrix,
  weights: Record<string, number>,
  rf = 0,
  periodsPerYear = 252,
): CoreResult<{ dates: string[]; returns: Float64Array }> {
  const wc = weightedColumns(prices, weights);
  if (!wc.ok) return wc;
  const { cols, w } = wc.value;
  const m = prices.tickers.length;
  const cashWeight = 1 - w.reduce((s, x) => s + x, 0);
  const rfd = (1 + rf) ** (1 / periodsPerYear) - 1;
  const dates: string[] = [];
  const out: number[] = [];
  for (let t = 1; t < prices.dates.length; t++) {
    let r = cashWeight * rfd;
    let complete = true;
    for (let k = 0; k < cols.length && complete; k++) {
      const p0 = prices.values[(t - 1) * m + cols[k]!]!;
      const p1 = prices.values[t * m + cols[k]!]!;
      if (Number.isNaN(p0) || Number.isNaN(p1)) complete = false;
      else r += w[k]! * (p1 / p0 - 1);
    }
    if (complete) {
      dates.push(prices.dates[t]!);
      out.push(r);
    }
  }
  if (out.length < 2) return fail('insufficient-data', 'fewer than two days where every weighted asset has a return');
  return ok({ dates, returns: Float64Array.from(out) });
}
