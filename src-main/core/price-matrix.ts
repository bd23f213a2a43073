/** A dense block of daily prices: the one shape every estimator, optimiser and backtest reads, and its window. */
import type { PriceWindow } from '../../shared/domain/optimize.js';
import { fail, ok, type CoreResult } from './result.js';

export interface PriceMatrix {
  /** ISO dates (YYYY-MM-DD), ascending, one per row. */
  dates: string[];
  /** One per column. */
  tickers: string[];
  /** Row-major dates × tickers adjusted closes; NaN where an asset has no price that day. */
  values: Float64Array;
}

/** Price of column j on row t (NaN when missing). */
export function priceAt(m: PriceMatrix, t: number, j: number): number {
  return m.values[t * m.tickers.length + j]!;
}

/** The matrix's rows placed on `dates` (NaN where it has no row there; its other dates dropped). The one date alignment. */
export function onDates(m: PriceMatrix, dates: readonly string[]): PriceMatrix {
  const n = m.tickers.length;
  const row = new Map(m.dates.map((d, t) => [d, t]));
  const values = new Float64Array(dates.length * n).fill(Number.NaN);
  dates.forEach((d, k) => {
    const t = row.get(d);
    if (t !== undefined) values.set(m.values.subarray(t * n, t * n + n), k * n);
  });
  return { dates: [...dates], tickers: m.tickers.slice(), values };
}

/** `m` with `extra`'s columns appended, aligned on `m`'s dates (NaN where `extra` has no price that day). */
export function appendColumns(m: PriceMatrix, extra: PriceMatrix): PriceMatrix {
  const aligned = onDates(extra, m.dates);
  const a = m.tickers.length;
  const b = extra.tickers.length;
  const values = new Float64Array(m.dates.length * (a + b));
  for (let t = 0; t < m.dates.length; t++) {
    values.set(m.values.subarray(t * a, (t + 1) * a), t * (a + b));
    values.set(aligned.values.subarray(t * b, (t + 1) * b), t * (a + b) + a);
  }
  return { dates: m.dates.slice(), tickers: [...m.tickers, ...extra.tickers], values };
}

/** Keeps the named columns, in the given order; unknown tickers are reported, not ignored. */
export function selectColumns(m: PriceMatrix, tickers: readonly string[]): PriceMatrix | { missing: string[] } {
  const index = new Map(m.tickers.map((t, j) => [t, j]));
  const missing = tickers.filter((t) => !index.has(t));
  if (missing.length > 0) return { missing };
  const n = tickers.length;
  const cols = tickers.map((t) => index.get(t)!);
  const values = new Float64Array(m.dates.length * n);
  const width = m.tickers.length;
  for (let t = 0; t < m.dates.length; t++) {
    for (let k = 0; k < n; k++) values[t * n + k] = m.values[t * width + cols[k]!]!;
  }
  return { dates: m.dates.slice(), tickers: [...tickers], values };
}

/**
 * The window's rules on a list of dates (ascending): [start, end], then (completeRows) only the dates
 * `complete(t)` accepts, then the last N returns (N + 1 dates). Returns the indices kept. The one
 * implementation of the rules: applyWindow uses it on a matrix, the report service on SQL coverage counts.
 */
export function windowRows(dates: readonly string[], window: PriceWindow, complete: (t: number) => boolean): number[] {
  const keep: number[] = [];
  for (let t = 0; t < dates.length; t++) {
    const d = dates[t]!;
    if (window.start !== undefined && d < window.start) continue;
    if (window.end !== undefined && d > window.end) continue;
    if (window.completeRows && !complete(t)) continue;
    keep.push(t);
  }
  return window.last !== undefined ? keep.slice(Math.max(0, keep.length - window.last - 1)) : keep;
}

/** True when row t prices every column. */
export function rowComplete(m: PriceMatrix, t: number): boolean {
  const n = m.tickers.length;
  for (let j = 0; j < n; j++) {
    const v = m.values[t * n + j]!;
    if (v !== v) return false;
  }
  return true;
}

/** The matrix's rows at the given indices. */
export function selectRows(m: PriceMatrix, rows: readonly number[]): PriceMatrix {
  const n = m.tickers.length;
  const values = new Float64Array(rows.length * n);
  rows.forEach((t, k) => values.set(m.values.subarray(t * n, (t + 1) * n), k * n));
  return { dates: rows.map((t) => m.dates[t]!), tickers: m.tickers.slice(), values };
}

/** Restricts prices to [start, end], then (optionally) complete rows, then the last N returns (N+1 prices); fewer than 3 dates is an error. */
export function applyWindow(prices: PriceMatrix, window: PriceWindow): CoreResult<PriceMatrix> {
  const rows = windowRows(prices.dates, window, (t) => rowComplete(prices, t));
  if (rows.length < 3) {
    return fail('insufficient-data', `the price window keeps ${rows.length} dates; at least 3 are needed`, {
      window,
      dates: rows.length,
    });
  }
  return ok(selectRows(prices, rows));
}
