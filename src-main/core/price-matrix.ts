/** A dense block of daily prices: the one shape every estimator, optimiser and backtest reads. */

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
