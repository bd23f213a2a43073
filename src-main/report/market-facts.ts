/**
 * Facts the report prints that come from prices rather than from the optimiser: the last price of each
 * asset (for trades in shares), the data window actually covered, and the correlation of daily returns.
 */
import { selectColumns, type PriceMatrix } from '../core/price-matrix.js';
import { returnCorrelation } from '../core/stats/correlation.js';
import type { ReportInput } from './report-input.js';

/** Last positive price per ticker (currency units); tickers without any price are left out. */
export function lastPrices(m: PriceMatrix): Record<string, number> {
  const n = m.tickers.length;
  const out: Record<string, number> = {};
  for (let j = 0; j < n; j++) {
    for (let t = m.dates.length - 1; t >= 0; t--) {
      const p = m.values[t * n + j]!;
      if (Number.isFinite(p) && p > 0) {
        out[m.tickers[j]!] = p;
        break;
      }
    }
  }
  return out;
}

/** First/last date with any price and the number of daily return rows. */
export function dataWindow(m: PriceMatrix): ReportInput['dataWindow'] | undefined {
  if (m.dates.length === 0) return undefined;
  return { start: m.dates[0]!, end: m.dates[m.dates.length - 1]!, returns: Math.max(0, m.dates.length - 1) };
}

/** Most assets a correlation heatmap shows: a 30 × 30 grid is what stays legible on a portrait page. */
export const HEATMAP_MAX_ASSETS = 30;

/** The assets the heatmap shows: all when few, else the largest weights (ties and unweighted by order). */
export function heatmapTickers(tickers: readonly string[], weights: Record<string, number> | undefined, max = HEATMAP_MAX_ASSETS): string[] {
  if (tickers.length <= max) return tickers.slice();
  const w = weights ?? {};
  const ranked = tickers.map((t, i) => ({ t, i, w: w[t] ?? -Infinity })).sort((a, b) => b.w - a.w || a.i - b.i);
  const keep = new Set(ranked.slice(0, max).map((r) => r.t));
  return tickers.filter((t) => keep.has(t));
}

/**
 * The price-derived parts of a report input. Correlations are computed only for the assets the
 * heatmap shows (O(n²·T): 30 instead of 100 assets is 11× less work).
 */
export function marketFacts(m: PriceMatrix, weights?: Record<string, number>): Pick<ReportInput, 'lastPrices' | 'correlation' | 'dataWindow'> {
  const window = dataWindow(m);
  const shown = heatmapTickers(m.tickers, weights);
  const sub = shown.length === m.tickers.length ? m : selectColumns(m, shown);
  const correlation = 'missing' in sub || shown.length < 2 ? undefined : { tickers: shown, matrix: returnCorrelation(sub) };
  return {
    lastPrices: lastPrices(m),
    ...(correlation ? { correlation } : {}),
    ...(window ? { dataWindow: window } : {}),
  };
}
