/** Calendar resampling of a price matrix (weekly / monthly), as pandas `resample("W" | "M").first()`. */
import type { PriceMatrix } from '../price-matrix.js';

const DAY_MS = 86_400_000;

/** Bin key of an ISO date: the Monday of its week (weeks run Monday–Sunday) or its year-month. */
function binOf(date: string, period: 'weekly' | 'monthly'): string {
  if (period === 'monthly') return date.slice(0, 7);
  const d = Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
  const monday = d - ((d + 3) % 7); // 1970-01-01 was a Thursday
  return String(monday);
}

/**
 * One row per calendar week (Monday–Sunday) or month holding each column's first non-missing price in it
 * (pandas' `first()` per column); the row is dated by the bin's last trading date in the input.
 */
export function resamplePrices(prices: PriceMatrix, period: 'weekly' | 'monthly'): PriceMatrix {
  const n = prices.tickers.length;
  const dates: string[] = [];
  const rows: Float64Array[] = [];
  let key = '';
  for (let t = 0; t < prices.dates.length; t++) {
    const k = binOf(prices.dates[t]!, period);
    if (k !== key) {
      key = k;
      rows.push(new Float64Array(n).fill(NaN));
      dates.push(prices.dates[t]!);
    }
    dates[dates.length - 1] = prices.dates[t]!;
    const row = rows[rows.length - 1]!;
    for (let j = 0; j < n; j++) {
      const v = prices.values[t * n + j]!;
      if (row[j] !== row[j] && v === v) row[j] = v;
    }
  }
  const values = new Float64Array(rows.length * n);
  rows.forEach((r, i) => values.set(r, i * n));
  return { dates, tickers: prices.tickers.slice(), values };
}

/** Periods per year of a resampling. */
export function periodsPerYear(period: 'daily' | 'weekly' | 'monthly'): number {
  return period === 'weekly' ? 52 : period === 'monthly' ? 12 : 252;
}
